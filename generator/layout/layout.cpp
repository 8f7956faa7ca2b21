#include "layout/layout.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "support/input_file.hpp"
#include "support/paths.hpp"
#include "support/suggest.hpp"
#include "support/yaml_reader.hpp"

namespace bulletin {

namespace fs = std::filesystem;

std::optional<PdfStandard> parse_pdf_standard(std::string_view text) {
    if (text == "1.7") return PdfStandard::kPdf17;
    if (text == "a-2b") return PdfStandard::kPdfA2b;
    if (text == "a-2u") return PdfStandard::kPdfA2u;
    return std::nullopt;
}

const Style& Layout::style(const std::string& style_name) const {
    auto it = styles.find(style_name);
    if (it == styles.end()) throw std::logic_error("layout has no style '" + style_name + "'");
    return it->second;
}

std::string Layout::label(const std::string& field, const std::string& item_kind,
                          const std::map<std::string, std::string>& overrides) const {
    if (auto it = overrides.find(field); it != overrides.end()) return it->second;
    if (auto k = kind_labels.find(item_kind); k != kind_labels.end())
        if (auto it = k->second.find(field); it != k->second.end()) return it->second;
    if (auto it = labels.find(field); it != labels.end()) return it->second;
    return {};
}

std::vector<double> column_widths(const std::vector<TableColumn>& columns, double width) {
    double fixed = 0, shares = 0;
    for (const auto& c : columns) {
        fixed += c.width;
        shares += c.share;
    }
    std::vector<double> out;
    double rest = width - fixed;
    // Fixed columns wider than the page: scale everything down to fit.
    double scale = rest < 0 || (shares == 0 && fixed > 0) ? width / fixed : 1.0;
    if (scale != 1.0) rest = 0;
    for (const auto& c : columns) out.push_back(c.share > 0 ? rest * c.share / shares : c.width * scale);
    return out;
}

std::vector<std::string> builtin_layouts() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(data_dir() / "layouts", ec))
        if (e.path().extension() == ".yaml") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<std::string> find_layout(const std::string& name_or_path, std::string& message) {
    bool looks_like_path = name_or_path.find('/') != std::string::npos ||
                           fs::path(name_or_path).extension() == ".yaml" ||
                           fs::path(name_or_path).extension() == ".yml";
    if (looks_like_path) {
        // The reading itself (load_layout) says what is wrong with a file
        // that exists; here only whether there is one (never throwing: a
        // name too long or a folder without access is just "not there").
        std::error_code ec;
        if (fs::exists(name_or_path, ec)) return name_or_path;
        message = ec && ec != std::errc::no_such_file_or_directory
                      ? fmt::format("layout file '{}' cannot be read: {}", name_or_path, ec.message())
                      : fmt::format("layout file '{}' does not exist", name_or_path);
        return std::nullopt;
    }
    auto names = builtin_layouts();
    if (std::find(names.begin(), names.end(), name_or_path) != names.end())
        return (data_dir() / "layouts" / (name_or_path + ".yaml")).string();
    message = fmt::format("unknown layout '{}'", name_or_path);
    if (auto s = closest(name_or_path, names)) message += fmt::format("; did you mean '{}'?", *s);
    else message += fmt::format(" (builtin layouts: {}; or give a path to a layout file)", fmt::join(names, ", "));
    return std::nullopt;
}

// ---------------------------------------------------------------- lengths

namespace {

struct SizeName {
    const char* name;
    double points;
};
// Chinese type sizes (字号).
constexpr SizeName kChineseSizes[] = {
    {"初号", 42}, {"小初", 36}, {"一号", 26}, {"小一", 24}, {"二号", 22}, {"小二", 18},
    {"三号", 16}, {"小三", 15}, {"四号", 14}, {"小四", 12}, {"五号", 10.5}, {"小五", 9},
    {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5}, {"八号", 5},
};

}  // namespace

std::optional<double> parse_length(const std::string& text, double em) {
    for (const auto& s : kChineseSizes)
        if (text == s.name) return s.points;
    double value = 0;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    while (begin < end && *begin == ' ') ++begin;
    auto [p, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || !std::isfinite(value)) return std::nullopt;  // from_chars reads "inf" and "nan"
    std::string unit(p, end);
    unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
    if (unit.empty() || unit == "pt") return value;
    if (unit == "mm") return value * 72.0 / 25.4;
    if (unit == "cm") return value * 72.0 / 2.54;
    if (unit == "in") return value * 72.0;
    if (unit == "em" && em > 0) return value * em;
    return std::nullopt;
}

std::optional<double> parse_share(const std::string& text) {
    double value = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || !std::isfinite(value)) return std::nullopt;
    std::string rest(p, text.data() + text.size());
    if (rest == "%") return value / 100;
    if (rest.empty()) return value;
    return std::nullopt;
}

std::optional<Color> parse_color(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    unsigned v = 0;
    auto [p, ec] = std::from_chars(text.data() + 1, text.data() + 7, v, 16);
    if (ec != std::errc() || p != text.data() + 7) return std::nullopt;
    return Color{((v >> 16) & 0xFF) / 255.0, ((v >> 8) & 0xFF) / 255.0, (v & 0xFF) / 255.0};
}

// ---------------------------------------------------------------- loading

namespace {

// Where a length read from a layout may lie, in points. Every length is
// checked where it is read, so no later stage sees NaN, infinity or a size
// that makes no page.
struct Range {
    double lo, hi;
    bool holds(double v) const { return v >= lo && v <= hi; }
};
constexpr Range kPageSide{72, 14400};   // 1 in to 200 in, PDF's largest page
constexpr Range kMargin{0, 7200};
constexpr Range kFontSize{1, 500};
constexpr Range kLeading{1, 2000};
constexpr Range kIndent{-2000, 2000};
constexpr Range kSpace{0, 2000};        // left, right, space before/after, gaps, band heights
constexpr Range kTracking{-50, 200};
constexpr Range kRule{0, 20};           // line widths
constexpr Range kPadding{0, 100};
constexpr Range kColumnWidth{1, 14400};
constexpr double kMaxShare = 1000;      // a table column's 3fr
constexpr std::size_t kMaxBasedOnChain = 16;  // styles based on styles based on …

std::string range_text(Range r) { return fmt::format("between {:g}pt and {:g}pt", r.lo, r.hi); }

// The style fields as written; resolved after `based_on` is known.
struct StyleDecl {
    SourcePos pos;
    std::map<std::string, Text> fields;
};

const std::vector<std::string> kStyleKeys = {
    "based_on", "font",         "strong",      "size",     "leading", "indent", "left",          "right",
    "space_before", "space_after", "tracking", "align",    "color",   "keep_with_next", "background",
    "shrink_to_fit", "uneven", "widow_control"};

// Style names each kind of layout must define (the composers use them).
// Every layout can print every bulletin (prose sections in a table layout
// too), so the text styles are needed by all of them.
std::vector<std::string> required_styles(LayoutKind kind) {
    std::vector<std::string> common = {"title",     "subtitle", "meta",     "body",     "label",    "page_number",
                                       "signature", "heading1", "heading2", "heading3", "heading4", "caption"};
    switch (kind) {
        case LayoutKind::kOfficial: break;
        case LayoutKind::kTable:
            common.insert(common.end(), {"table_header", "table_group", "table_text"});
            break;
        case LayoutKind::kNewspaper:
            common.insert(common.end(), {"masthead", "masthead_latin", "masthead_info", "kicker", "headline",
                                         "byline", "lead", "banner", "group_title", "item_title", "running_head"});
            break;
    }
    return common;
}

class LayoutLoader {
public:
    LayoutLoader(const YamlFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

    Layout load(const std::string& path) {
        Layout l;
        l.path = path;
        MapReader top(file_.root(), {1, 1}, file_, diags_, "layout");
        if (!top.is_map()) {
            if (!file_.root().IsMap()) diags_.error({1, 1}, "a layout file must be a mapping (key: value lines)");
            return l;
        }
        l.name = top.text("name").value;
        Text kind = top.text("kind", true);
        if (kind.value == "official") l.kind = LayoutKind::kOfficial;
        else if (kind.value == "table") l.kind = LayoutKind::kTable;
        else if (kind.value == "newspaper") l.kind = LayoutKind::kNewspaper;
        else if (!kind.empty())
            diags_.error(kind.pos, fmt::format("'kind' must be official, table or newspaper, got '{}'", kind.value));

        read_page(top, l.page);
        read_footer(top, l.footer);
        read_styles(top, l);
        read_string_map(top.node("labels"), top.value_pos("labels"), "labels", l.labels);
        read_kind_labels(top, l);
        read_numbering(top, l);
        read_table(top, l);
        read_newspaper(top, l);
        if (Text standard = top.text("pdf_standard"); !standard.empty()) {
            if (auto s = parse_pdf_standard(standard.value)) l.pdf_standard = *s;
            else diags_.error(standard.pos, fmt::format("'pdf_standard' must be 1.7, a-2b or a-2u, got '{}'", standard.value));
        }
        top.finish();

        for (const auto& name : required_styles(l.kind))
            if (!l.styles.count(name))
                diags_.error(top.key_pos("styles"),
                             fmt::format("the layout needs a style named '{}' (layout kind {})", name, kind.value));
        // Lines that cannot fit the page would be set off it.
        for (const auto& [name, st] : l.styles) {
            if (st.leading > l.page.content_height())
                diags_.error(st.pos, fmt::format("style '{}' has a leading of {:g}pt, more than the page's text area "
                                                 "is high ({:.0f}pt)",
                                                 name, st.leading, l.page.content_height()));
            if (st.size > l.page.content_width())
                diags_.error(st.pos, fmt::format("style '{}' has a size of {:g}pt, more than the page's text area is "
                                                 "wide ({:.0f}pt)",
                                                 name, st.size, l.page.content_width()));
        }
        if (!l.footer.format.empty() && l.footer.distance >= l.page.bottom)
            diags_.error(top.key_pos("footer"), fmt::format("footer 'distance' ({:g}pt) must be less than the bottom "
                                                            "margin ({:g}pt), or the page number falls off the page",
                                                            l.footer.distance, l.page.bottom));
        if (!l.styles.count(l.footer.style))
            diags_.error(top.key_pos("footer"), fmt::format("footer style '{}' is not defined", l.footer.style));
        for (const auto& col : l.table.columns)
            if (!l.styles.count(col.style))
                diags_.error(top.key_pos("table"), fmt::format("table column '{}' uses style '{}', which is not defined",
                                                               col.field, col.style));
        return l;
    }

private:
    // A share written 8% or 0.08, within [lo, hi].
    double share(MapReader& r, std::string_view key, double fallback, double lo, double hi) {
        Text t = r.text(key);
        if (t.empty()) return fallback;
        auto v = parse_share(t.value);
        if (!v || *v < lo || *v > hi) {
            diags_.error(t.pos, fmt::format("'{}' must be a share between {:g}% and {:g}%, got '{}'", key, lo * 100,
                                            hi * 100, t.value));
            return fallback;
        }
        return *v;
    }

    // A length within `range`; the fallback (and a diagnostic) otherwise.
    double length(MapReader& r, std::string_view key, double fallback, Range range) {
        Text t = r.text(key);
        if (t.empty()) return fallback;
        return checked_length(t, key, fallback, range, 0);
    }

    double checked_length(const Text& t, std::string_view key, double fallback, Range range, double em) {
        auto v = parse_length(t.value, em);
        if (!v) {
            diags_.error(t.pos, fmt::format("'{}' must be a length such as 12pt, 10mm{}, got '{}'", key,
                                            em > 0 ? " or 2em" : "", t.value));
            return fallback;
        }
        if (!range.holds(*v)) {
            diags_.error(t.pos, fmt::format("'{}' must be {}, got '{}'", key, range_text(range), t.value));
            return fallback;
        }
        return *v;
    }

    void read_page(MapReader& top, PageSpec& page) {
        MapReader r(top.node("page"), top.key_pos("page"), file_, diags_, "page");
        if (!r.is_map()) {
            diags_.error(top.where(), "missing required key 'page' in layout");
            return;
        }
        yaml::Node size = r.node("size");
        double w = 210 * 72 / 25.4, h = 297 * 72 / 25.4;
        if (size.IsScalar()) {
            static const std::map<std::string, std::pair<double, double>> named = {
                {"A3", {297, 420}}, {"A4", {210, 297}}, {"A5", {148, 210}}, {"B4", {250, 353}}, {"B5", {176, 250}}};
            auto it = named.find(size.Scalar());
            if (it == named.end())
                diags_.error(r.value_pos("size"), fmt::format("unknown page size '{}': use A3, A4, A5, B4, B5 or "
                                                              "[width, height] such as [390mm, 545mm]",
                                                              size.Scalar()));
            else
                w = it->second.first * 72 / 25.4, h = it->second.second * 72 / 25.4;
        } else if (size.IsSequence() && size.size() == 2 && size[0].IsScalar() && size[1].IsScalar()) {
            auto pw = parse_length(size[0].Scalar()), ph = parse_length(size[1].Scalar());
            if (!pw || !ph)
                diags_.error(r.value_pos("size"), "page size must be two lengths, e.g. [390mm, 545mm]");
            else if (!kPageSide.holds(*pw) || !kPageSide.holds(*ph))
                diags_.error(r.value_pos("size"), fmt::format("each side of the page must be {} (1 in to 200 in)",
                                                              range_text(kPageSide)));
            else
                w = *pw, h = *ph;
        } else if (size.IsDefined() && !size.IsNull()) {
            diags_.error(r.value_pos("size"), "page size must be A3, A4, … or [width, height]");
        }
        Text orientation = r.text("orientation");
        if (orientation.value == "landscape") std::swap(w, h);
        else if (!orientation.empty() && orientation.value != "portrait")
            diags_.error(orientation.pos, "'orientation' must be portrait or landscape");
        page.width = w;
        page.height = h;
        MapReader m(r.node("margins"), r.key_pos("margins"), file_, diags_, "page margins");
        page.top = length(m, "top", 56, kMargin);
        page.bottom = length(m, "bottom", 56, kMargin);
        page.inside = length(m, "inside", 56, kMargin);
        page.outside = length(m, "outside", 56, kMargin);
        m.finish();
        if (page.content_width() < 72 || page.content_height() < 72)
            diags_.error(r.where(), "the margins leave less than an inch for the text");
    }

    void read_footer(MapReader& top, FooterSpec& footer) {
        MapReader r(top.node("footer"), top.key_pos("footer"), file_, diags_, "footer");
        if (!r.is_map()) return;
        if (r.has("format") || r.node("format").IsDefined()) {
            Text format = r.text("format");
            // An empty format means no footer.
            if (!format.empty() && format.value.find("{page}") == std::string::npos)
                diags_.error(format.pos, "footer 'format' must contain {page} (or be \"\" for no footer)");
            check_label(format, "footer 'format'", diags_);
            footer.format = format.value;
        }
        if (Text s = r.text("style"); !s.empty()) footer.style = s.value;
        Text position = r.text("position");
        if (!position.empty()) {
            if (position.value != "outside" && position.value != "center")
                diags_.error(position.pos, "footer 'position' must be outside or center");
            footer.position = position.value;
        }
        footer.distance = length(r, "distance", footer.distance, kSpace);
    }

    void read_styles(MapReader& top, Layout& l) {
        yaml::Node node = top.node("styles");
        MapReader r(node, top.key_pos("styles"), file_, diags_, "styles");
        if (!r.is_map()) {
            diags_.error(top.where(), "missing required key 'styles' in layout");
            return;
        }
        std::map<std::string, StyleDecl> decls;
        for (auto it = node.begin(); it != node.end(); ++it) {
            std::string name = it->first.Scalar();
            r.node(name);  // every style name is a known key
            StyleDecl d;
            d.pos = file_.pos(it->first);
            MapReader s(it->second, d.pos, file_, diags_, fmt::format("style '{}'", name));
            if (!s.is_map()) continue;
            for (const auto& key : kStyleKeys)
                if (s.has(key)) d.fields[key] = s.text(key);
            s.finish();
            decls[name] = std::move(d);
        }
        for (const auto& [name, decl] : decls) {
            std::set<std::string> seen;
            l.styles[name] = resolve_style(name, decls, seen);
        }
    }

    // Merges the declaration with its `based_on` chain, then converts values.
    Style resolve_style(const std::string& name, const std::map<std::string, StyleDecl>& decls,
                        std::set<std::string>& seen) {
        std::map<std::string, Text> merged;
        std::vector<const StyleDecl*> chain;
        for (std::string cur = name; !cur.empty();) {
            if (!seen.insert(cur).second) {
                diags_.error(decls.at(name).pos, fmt::format("style '{}' is based on itself", name));
                break;
            }
            auto it = decls.find(cur);
            if (it == decls.end()) {
                diags_.error(decls.at(name).pos, fmt::format("style '{}' is based on '{}', which is not defined",
                                                             name, cur));
                break;
            }
            chain.push_back(&it->second);
            if (chain.size() > kMaxBasedOnChain) {
                diags_.error(decls.at(name).pos, fmt::format("style '{}' is based on a chain of more than {} styles",
                                                             name, kMaxBasedOnChain));
                break;
            }
            auto b = it->second.fields.find("based_on");
            cur = b == it->second.fields.end() ? std::string() : b->second.value;
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            for (const auto& [k, v] : (*it)->fields) merged[k] = v;

        Style st;
        st.name = name;
        st.pos = decls.at(name).pos;
        auto get = [&](const char* k) -> const Text* {
            auto it = merged.find(k);
            return it == merged.end() ? nullptr : &it->second;
        };
        auto len = [&](const char* k, double fallback, double em, Range range) {
            const Text* t = get(k);
            return t ? checked_length(*t, k, fallback, range, em) : fallback;
        };
        const auto& own = decls.at(name).fields;
        if (auto it = own.find("based_on"); it != own.end()) st.based_on = it->second.value;
        if (auto* f = get("font")) st.font = f->value;
        st.strong = get("strong") ? get("strong")->value : st.font;
        st.size = len("size", 12, 0, kFontSize);
        st.leading = len("leading", st.size * 1.5, st.size, kLeading);
        st.indent = len("indent", 0, st.size, kIndent);
        st.left = len("left", 0, st.size, kSpace);
        st.right = len("right", 0, st.size, kSpace);
        st.space_before = len("space_before", 0, st.size, kSpace);
        st.space_after = len("space_after", 0, st.size, kSpace);
        st.tracking = len("tracking", 0, st.size, kTracking);
        if (const Text* a = get("align")) {
            static const std::map<std::string, Align> aligns = {
                {"left", Align::kLeft}, {"center", Align::kCenter}, {"right", Align::kRight}, {"justify", Align::kJustify}};
            auto it = aligns.find(a->value);
            if (it == aligns.end()) diags_.error(a->pos, "'align' must be left, center, right or justify");
            else st.align = it->second;
        }
        if (const Text* u = get("uneven")) {
            if (u->value == "ragged") st.uneven = Uneven::kRagged;
            else if (u->value == "stretch") st.uneven = Uneven::kStretch;
            else diags_.error(u->pos, "'uneven' must be stretch or ragged");
        }
        if (const Text* c = get("color")) {
            if (auto col = parse_color(c->value)) st.color = *col;
            else diags_.error(c->pos, fmt::format("'color' must be written #RRGGBB, got '{}'", c->value));
        }
        if (const Text* c = get("background")) {
            if (auto col = parse_color(c->value)) st.background = *col;
            else diags_.error(c->pos, fmt::format("'background' must be written #RRGGBB, got '{}'", c->value));
        }
        if (const Text* k = get("keep_with_next")) {
            if (k->value == "true" || k->value == "false") st.keep_with_next = k->value == "true";
            else diags_.error(k->pos, "'keep_with_next' must be true or false");
        }
        if (const Text* w = get("widow_control")) {
            if (w->value == "true" || w->value == "false") st.widow_control = w->value == "true";
            else diags_.error(w->pos, "'widow_control' must be true or false");
        }
        if (const Text* f = get("shrink_to_fit")) {
            auto share = parse_share(f->value);
            if (!share || *share < 0.5 || *share > 1)
                diags_.error(f->pos, fmt::format("'shrink_to_fit' must be a share between 50% and 100%, got '{}'", f->value));
            else st.shrink_to_fit = *share;
        }
        return st;
    }

    void read_string_map(const yaml::Node& node, SourcePos where, const std::string& what,
                         std::map<std::string, std::string>& out) {
        if (!node.IsDefined() || node.IsNull()) return;
        if (!node.IsMap()) {
            diags_.error(where, fmt::format("'{}' must be a mapping", what));
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string name = fmt::format("'{}' in {}", it->first.Scalar(), what);
            Text t = scalar_text(it->second, file_.pos(it->first), file_, diags_, name);
            check_label(t, name, diags_);
            out[it->first.Scalar()] = t.value;
        }
    }

    void read_kind_labels(MapReader& top, Layout& l) {
        yaml::Node node = top.node("kind_labels");
        if (!node.IsDefined() || node.IsNull()) return;
        if (!node.IsMap()) {
            diags_.error(top.value_pos("kind_labels"), "'kind_labels' must map 建议/提案/议案 to labels");
            return;
        }
        for (auto it = node.begin(); it != node.end(); ++it)
            read_string_map(it->second, file_.pos(it->first), "kind_labels", l.kind_labels[it->first.Scalar()]);
    }

    void read_numbering(MapReader& top, Layout& l) {
        l.numbering = {"{cn}、", "（{cn}）", "{n}.", "（{n}）"};
        yaml::Node node = top.node("numbering");
        if (!node.IsDefined() || node.IsNull()) return;
        if (!node.IsSequence() || node.size() != 4) {
            diags_.error(top.value_pos("numbering"), "'numbering' must list four formats, e.g. "
                                                     "[\"{cn}、\", \"（{cn}）\", \"{n}.\", \"（{n}）\"]");
            return;
        }
        for (std::size_t i = 0; i < 4; ++i) {
            Text format = scalar_text(node[i], top.value_pos("numbering"), file_, diags_, "a numbering format");
            check_label(format, "a numbering format", diags_);
            l.numbering[i] = format.value;
        }
    }

    void read_table(MapReader& top, Layout& l) {
        MapReader r(top.node("table"), top.key_pos("table"), file_, diags_, "table");
        if (!r.is_map()) {
            if (l.kind == LayoutKind::kTable) diags_.error(top.where(), "a table layout needs a 'table' section");
            return;
        }
        TableSpec& t = l.table;
        t.rule = length(r, "rule", t.rule, kRule);
        t.outer_rule = length(r, "outer_rule", t.outer_rule, kRule);
        t.padding = length(r, "padding", t.padding, kPadding);
        // The styles are read by now: a name must be one of them.
        for (auto [key, name] : {std::pair{"header_style", &t.header_style}, std::pair{"group_style", &t.group_style}}) {
            Text s = r.text(key);
            if (s.empty()) continue;
            *name = s.value;
            if (!l.styles.count(s.value))
                diags_.error(s.pos, fmt::format("table '{}' is style '{}', which is not defined", key, s.value));
        }
        if (Text c = r.text("header_background"); !c.empty()) {
            t.header_background = parse_color(c.value);
            if (!t.header_background) diags_.error(c.pos, "'header_background' must be written #RRGGBB");
        }
        yaml::Node cols = r.node("columns");
        if (!cols.IsSequence() || cols.size() == 0) {
            diags_.error(r.where(), "'table' needs 'columns': a list of {field, header, width}");
            return;
        }
        static const std::vector<std::string> fields = {"seq", "title", "leaders", "hosts", "progress",
                                                         "proposers", "supervisors", "cohosts", "result", "note"};
        for (const auto& cn : cols) {
            MapReader c(cn, r.value_pos("columns"), file_, diags_, "table column");
            if (!c.is_map()) continue;
            TableColumn col;
            Text field = c.text("field", true);
            col.field = field.value;
            if (!field.empty() && std::find(fields.begin(), fields.end(), field.value) == fields.end()) {
                std::string msg = fmt::format("unknown column field '{}'", field.value);
                if (auto s = closest(field.value, fields)) msg += fmt::format("; did you mean '{}'?", *s);
                diags_.error(field.pos, msg);
            }
            Text header = c.text("header", true);
            check_label(header, "a column's 'header'", diags_);
            col.header = header.value;
            col.style = c.text("style").value;
            if (col.style.empty()) col.style = "table_text";
            Text valign = c.text("valign");
            if (valign.value == "middle") col.middle = true;
            else if (!valign.empty() && valign.value != "top")
                diags_.error(valign.pos, "'valign' must be top or middle");
            Text width = c.text("width", true);
            if (!width.empty()) {
                if (width.value.size() > 2 && width.value.substr(width.value.size() - 2) == "fr") {
                    double share = 0;
                    auto [p, ec] = std::from_chars(width.value.data(), width.value.data() + width.value.size() - 2, share);
                    if (ec != std::errc() || !(share > 0 && share <= kMaxShare))
                        diags_.error(width.pos, fmt::format("a share must look like 2fr, more than 0 and at most {:g}fr",
                                                            kMaxShare));
                    else
                        col.share = share;
                } else if (parse_length(width.value)) {
                    col.width = checked_length(width, "width", 0, kColumnWidth, 0);
                } else {
                    diags_.error(width.pos, "column 'width' must be a length (20mm) or a share (3fr)");
                }
            }
            t.columns.push_back(col);
        }
    }

    void read_newspaper(MapReader& top, Layout& l) {
        MapReader r(top.node("newspaper"), top.key_pos("newspaper"), file_, diags_, "newspaper");
        if (!r.is_map()) {
            if (l.kind == LayoutKind::kNewspaper)
                diags_.error(top.where(), "a newspaper layout needs a 'newspaper' section");
            return;
        }
        NewspaperSpec& n = l.newspaper;
        if (auto c = r.integer("columns", 1, 12)) n.columns = static_cast<int>(c->value);
        n.gutter = length(r, "gutter", n.gutter, kSpace);
        n.masthead_height = length(r, "masthead_height", n.masthead_height, kSpace);
        n.column_rule = length(r, "column_rule", n.column_rule, kRule);
        n.head_rule = length(r, "head_rule", n.head_rule, kRule);
        n.head_gap = length(r, "head_gap", n.head_gap, kSpace);
        if (Text m = r.text("banner_mark"); !m.empty() && check_label(m, "'banner_mark'", diags_)) n.banner_mark = m.value;
        n.tighten = share(r, "tighten", n.tighten, 0, 0.2);
        n.tighten_below = share(r, "tighten_below", n.tighten_below, 0, 1);
        double column_width = (l.page.content_width() - n.gutter * (n.columns - 1)) / n.columns;
        if (column_width < 36)
            diags_.error(r.where(), fmt::format("{} columns with a {:.0f}pt gutter leave columns {:.0f}pt wide: "
                                                "use fewer columns or a wider page",
                                                n.columns, n.gutter, column_width));
        if (Text c = r.text("accent"); !c.empty()) {
            n.accent = parse_color(c.value);
            if (!n.accent) diags_.error(c.pos, "'accent' must be written #RRGGBB");
        }
    }

    const YamlFile& file_;
    Diagnostics& diags_;
};

}  // namespace

std::optional<Layout> load_layout(const std::string& path, Diagnostics& diags) {
    std::string error;
    auto bytes = read_input_file(path, kMaxSettingsBytes, error);
    if (!bytes) {
        diags.error({}, "it " + error);
        return std::nullopt;
    }
    return load_layout_text(*bytes, path, diags);
}

std::optional<Layout> load_layout_text(std::string_view bytes, const std::string& path, Diagnostics& diags) {
    auto text = decode_text(std::string(bytes), Encoding::kUtf8, diags);
    if (!text) return std::nullopt;
    YamlFile file(std::move(*text), diags);
    if (!file.parsed()) return std::nullopt;
    Layout l = LayoutLoader(file, diags).load(path);
    if (!diags.ok()) return std::nullopt;
    return l;
}

}  // namespace bulletin
