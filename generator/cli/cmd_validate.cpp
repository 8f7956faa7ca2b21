#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"

namespace bulletin::cli {

int run_validate(const std::vector<std::string>& files, const RenderRequest& options) {
    int status = kOk;
    for (const auto& path : files) {
        RenderRequest request = options;
        request.input = path;
        Report report{std::cerr};
        auto render = Render::load(request, report);
        // Every format is made and dropped: whatever render could still
        // fail on before writing a file fails here.
        bool ok = render != nullptr;
        try {
            CountingSink pdf, ofd, docx;
            ok = ok && render->typeset(report, {{&pdf}, {&ofd}, {}, {}});
            if (ok) render->write_docx(docx);
        } catch (const std::runtime_error& e) {  // a writer's own failure
            report.add(Diagnostic{path, {}, e.what()});
            ok = false;
        }
        if (!ok) {
            std::cerr << fmt::format("{}: {} problem{} found\n", path, report.problems,
                                     report.problems == 1 ? "" : "s");
            status = std::max(status, report.status == 0 ? int{kInputError} : report.status);
            continue;
        }
        const Render::Counts& c = render->counts();
        std::cout << fmt::format("{}: ok ({} groups, {} items, {} sections)\n", path, c.groups, c.items, c.sections);
    }
    return status;
}

}  // namespace bulletin::cli
