#include "compose/summary.hpp"

#include <fmt/format.h>

namespace bulletin {

std::string summary_text(const Bulletin& b, const std::string& kind) {
    long total = 0, unclassed = 0, rated = 0;
    long by_result[4] = {0, 0, 0, 0};
    long satisfied = 0, fairly = 0, dissatisfied = 0;
    for (const Group& g : b.groups)
        for (const Item& it : g.items) {
            ++total;
            if (it.result.value.size() == 1 && it.result.value[0] >= 'A' && it.result.value[0] <= 'D')
                ++by_result[it.result.value[0] - 'A'];
            else
                ++unclassed;
            if (it.satisfaction.value == "满意") ++satisfied;
            else if (it.satisfaction.value == "基本满意") ++fairly;
            else if (it.satisfaction.value == "不满意") ++dissatisfied;
        }
    rated = satisfied + fairly + dissatisfied;
    std::string s = fmt::format("共{}件{}", total, kind);
    if (unclassed < total) {
        std::string parts;
        for (int r = 0; r < 4; ++r)
            if (by_result[r] > 0) parts += fmt::format("{}{}类{}件", parts.empty() ? "" : "、", char('A' + r), by_result[r]);
        if (unclassed > 0) parts += fmt::format("、未分类{}件", unclassed);
        s += "，其中" + parts;
    }
    if (rated > 0) {
        std::string parts;
        for (auto [n, word] : {std::pair{satisfied, "满意"}, {fairly, "基本满意"}, {dissatisfied, "不满意"}})
            if (n > 0) parts += fmt::format("{}{}{}件", parts.empty() ? "" : "、", word, n);
        // 满意率: satisfied or fairly satisfied, of the items rated; one decimal unless whole.
        const long rounded = ((satisfied + fairly) * 2000 / rated + 1) / 2;  // tenths, rounded half up
        std::string rate = rounded % 10 == 0 ? fmt::format("{}%", rounded / 10)
                                             : fmt::format("{}.{}%", rounded / 10, rounded % 10);
        s += (unclassed < total ? "；" : "，") + parts + "，满意率" + rate;
    }
    return s + "。";
}

}  // namespace bulletin
