// bulletin: YAML of proposals and their outcomes -> official bulletins (PDF, DOCX).
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "support/version.hpp"

int main(int argc, char** argv) {
    using namespace bulletin::cli;
    CLI::App app{
        "bulletin — turns one YAML file of key suggestions/proposals and their outcomes into the\n"
        "official bulletin (重点建议/重点提案办理情况) as PDF and/or DOCX.\n\n"
        "Exit status: 0 done; 1 the input or a font is at fault (messages say FILE:LINE:COLUMN);\n"
        "2 the command line is wrong.",
        "bulletin"};
    app.set_version_flag("--version", std::string("bulletin ") + bulletin::kVersion);
    app.require_subcommand(1);

    std::vector<std::string> validate_files;
    auto* validate = app.add_subcommand(
        "validate", "Check bulletin YAML files and report every problem as FILE:LINE:COLUMN: error: …");
    validate->add_option("FILE", validate_files, "bulletin YAML file(s)")->required()->check(CLI::ExistingFile);

    RenderOptions render_opts;
    auto* render = app.add_subcommand(
        "render", "Render a bulletin: -o OUT.pdf and/or -o OUT.docx (the extension picks the format)");
    render->add_option("IN", render_opts.input, "bulletin YAML file")->required()->check(CLI::ExistingFile);
    render->add_option("-o,--output", render_opts.outputs, "output file, .pdf or .docx; repeat for both")
        ->required();
    render->add_option("--layout", render_opts.layout,
                       "table | newspaper | official, or a path to a layout YAML file "
                       "(default: the file's bulletin.layout, else official)");

    std::vector<std::string> lint_files;
    auto* lint = app.add_subcommand(
        "lint", "Report what is valid but probably a typo: half-width punctuation (,:;?!() \") next to Chinese "
                "text. Exit 1 if anything is reported");
    lint->add_option("FILE", lint_files, "bulletin YAML file(s)")->required()->check(CLI::ExistingFile);

    std::string manifest;
    auto* fonts = app.add_subcommand(
        "fonts", "Show which installed font each font role (仿宋, 黑体, 楷体 …) resolved to, and the fallbacks");
    fonts->add_option("--manifest", manifest, "font manifest (default: fonts/fonts.yaml of the installation)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsageError;
    }

    if (validate->parsed()) return run_validate(validate_files);
    if (render->parsed()) return run_render(render_opts);
    if (fonts->parsed()) return run_fonts(manifest);
    if (lint->parsed()) return run_lint(lint_files);
    return kUsageError;
}
