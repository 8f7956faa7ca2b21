// bulletin: YAML of proposals and their outcomes -> official bulletins (PDF, DOCX, OFD).
#include <csignal>
#include <exception>
#include <iostream>
#include <new>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "support/document_time.hpp"
#include "support/signal_cleanup.hpp"
#include "support/version.hpp"

namespace {

using namespace bulletin::cli;

// --encoding: checked when parsed, so a wrong name is a usage error.
void add_encoding_option(CLI::App* app, bulletin::Encoding& encoding) {
    app->add_option_function<std::string>(
           "--encoding",
           [&encoding](const std::string& name) {
               auto e = bulletin::parse_encoding(name);
               if (!e) throw CLI::ValidationError("--encoding", "must be utf-8 or gb18030 (also gbk, gb2312)");
               encoding = *e;
           },
           "the input's character encoding: utf-8 (the default) or gb18030 for a file saved as \"ANSI\" on "
           "Chinese Windows (GBK and GB 2312 are part of it); converted to UTF-8 as it is read")
        ->type_name("NAME");
}

void add_layout_option(CLI::App* app, std::string& layout) {
    app->add_option("--layout", layout,
                    "table | newspaper | official, or a path to a layout YAML file "
                    "(default: the file's bulletin.layout, else official)");
}

int run(int argc, char** argv) {
    CLI::App app{
        "bulletin — turns one YAML file of key suggestions/proposals and their outcomes into the\n"
        "official bulletin (重点建议/重点提案办理情况) as PDF, DOCX and/or OFD.\n\n"
        "Exit status: 0 done; 1 the input, the layout, a font or an output file is at fault (messages\n"
        "say FILE:LINE:COLUMN; a failed render leaves every existing output as it was); 2 the command\n"
        "line is wrong.",
        "bulletin"};
    app.set_version_flag("--version", std::string("bulletin ") + bulletin::kVersion);
    app.require_subcommand(1);

    std::vector<std::string> validate_files;
    RenderRequest validate_opts;
    auto* validate = app.add_subcommand(
        "validate", "Check bulletin YAML files as render would — the layout, the fonts, every character and "
                    "image — and report every problem as FILE:LINE:COLUMN: error: …; nothing is written");
    validate->add_option("FILE", validate_files, "bulletin YAML file(s)")->required()->check(CLI::ExistingPath);
    add_layout_option(validate, validate_opts.layout);
    add_encoding_option(validate, validate_opts.encoding);

    RenderOptions render_opts;
    auto* render = app.add_subcommand(
        "render", "Render a bulletin: -o OUT.pdf, -o OUT.docx and/or -o OUT.ofd (the extension picks the "
                  "format). All outputs are replaced together, or none is");
    render->add_option("IN", render_opts.request.input, "bulletin YAML file")->required()->check(CLI::ExistingPath);
    render->add_option("-o,--output", render_opts.outputs,
                       "output file: .pdf, .docx or .ofd (GB/T 33190, the format of Chinese e-government); "
                       "repeat for several")
        ->required();
    render->add_flag("--ofd-archive", render_opts.ofd.archive,
                     "write the OFD as OFD-A for archiving (GB/T 42133): DocType OFD-A, colours in an embedded "
                     "sRGB profile");
    render
        ->add_option_function<std::string>(
            "--pdf-standard",
            [&render_opts](const std::string& value) { render_opts.pdf_standard = bulletin::parse_pdf_standard(value); },
            "what the PDF conforms to: 1.7 (the default), a-2b (PDF/A-2b, ISO 19005-2, for the archive: XMP "
            "metadata, an sRGB output intent) or a-2u (the same, every glyph's text in the fonts' ToUnicode); "
            "overrides the layout's pdf_standard")
        ->check(CLI::IsMember({"1.7", "a-2b", "a-2u"}));
    add_layout_option(render, render_opts.request.layout);
    add_encoding_option(render, render_opts.request.encoding);

    std::vector<std::string> lint_files;
    bulletin::Encoding lint_encoding = bulletin::Encoding::kUtf8;
    auto* lint = app.add_subcommand(
        "lint", "Report what is valid but probably a typo: half-width punctuation (,:;?!() \") next to Chinese "
                "text. Exit 1 if anything is reported");
    lint->add_option("FILE", lint_files, "bulletin YAML file(s)")->required()->check(CLI::ExistingPath);
    add_encoding_option(lint, lint_encoding);
    bool lint_fix = false;
    lint->add_flag("--fix", lint_fix,
                   "rewrite them in place as full-width marks (，：；？！（） and “ ” ‘ ’ alternating), changing no "
                   "other byte; the file is replaced whole or not at all, and only if it still loads");

    std::string ledger, ledger_output, ledger_sheet;
    auto* import = app.add_subcommand(
        "import", "Make a bulletin YAML file from a ledger (台账): an Excel workbook (.xlsx) or a CSV (UTF-8 or "
                  "GB18030, what Chinese Excel writes) — "
                  "one row per suggestion or proposal under a header row (序号, 案号, 案由/标题, 领衔代表, 领办领导, "
                  "主办单位, 办理情况 …); a column it does not know is kept in each item's note");
    import->add_option("LEDGER", ledger, "the ledger: .xlsx, .csv or .docx (its first table)")->required()->check(CLI::ExistingPath);
    import->add_option("--sheet", ledger_sheet, "the workbook's sheet to read (default: the first)");
    import->add_option("-o,--output", ledger_output, "the YAML file to write")->required();

    std::string init_output;
    auto* init = app.add_subcommand(
        "init", "Write a commented starting file that shows every key of the input (to standard output, or "
                "-o FILE, which must not exist yet)");
    init->add_option("-o,--output", init_output, "the YAML file to write");

    std::string schema_output;
    auto* schema = app.add_subcommand(
        "schema", "Print the JSON Schema of the input, made from the definitions the program reads files with: "
                  "an editor with a YAML language server (VS Code's YAML extension, …) then checks and completes "
                  "keys in a file whose first line is '# yaml-language-server: $schema=PATH'");
    schema->add_option("-o,--output", schema_output, "write it to this file (replaced) instead of standard output");

    std::string manifest;
    auto* fonts = app.add_subcommand(
        "fonts", "Show which installed font each font role (仿宋, 黑体, 楷体 …) resolved to, and the fallbacks");
    fonts->add_option("--manifest", manifest, "font manifest (default: fonts/fonts.yaml of the installation)");
    bool fontconfig = false;
    fonts->add_flag("--fontconfig", fontconfig,
                    "print a fontconfig file that sets the office names a DOCX uses (仿宋_GB2312, 黑体 …) in the "
                    "fonts the PDF uses, for LibreOffice on this machine: save it as "
                    "~/.config/fontconfig/conf.d/50-bulletin.conf, or point FONTCONFIG_FILE at it");

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

    // The dates of the documents: a malformed value is refused, not guessed at.
    if (auto problem = bulletin::source_date_epoch_problem(); problem && (validate->parsed() || render->parsed())) {
        std::cerr << "bulletin: " << *problem << "\n";
        return kUsageError;
    }
    if (validate->parsed()) return run_validate(validate_files, validate_opts);
    if (render->parsed()) return run_render(render_opts);
    if (fonts->parsed()) return run_fonts(manifest, fontconfig);
    if (lint->parsed()) return run_lint(lint_files, lint_encoding, lint_fix);
    if (import->parsed()) return run_import(ledger, ledger_output, ledger_sheet);
    if (init->parsed()) return run_init(init_output);
    if (schema->parsed()) return run_schema(schema_output);
    return kUsageError;
}

}  // namespace

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) makes write() fail with EFBIG, which the
    // output code reports, instead of killing the program mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    // A closed pipe on stderr (render … 2>&1 | head -1) makes a message
    // fail to print, not the program die with a temporary file left.
    std::signal(SIGPIPE, SIG_IGN);
    bulletin::install_signal_cleanup();
    // Nothing escapes: whatever was not foreseen is still a message and
    // exit 1, never an abort.
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        std::cerr << "bulletin: error: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "bulletin: error: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "bulletin: error: an unexpected failure\n";
    }
    return kInputError;
}
