#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "model/load.hpp"

namespace bulletin::cli {

int run_validate(const std::vector<std::string>& files) {
    int status = kOk;
    for (const auto& path : files) {
        Diagnostics diags(path);
        auto b = load_bulletin(path, diags);
        if (!b) {
            diags.print(std::cerr);
            std::cerr << fmt::format("{}: {} problem{} found\n", path, diags.list().size(),
                                     diags.list().size() == 1 ? "" : "s");
            status = kInputError;
            continue;
        }
        std::size_t groups = b->has_explicit_groups() ? b->groups.size() : 0;
        std::cout << fmt::format("{}: ok ({} groups, {} items, {} sections)\n", path, groups, b->item_count(),
                                 b->sections.size());
    }
    return status;
}

}  // namespace bulletin::cli
