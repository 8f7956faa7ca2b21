#include "docx/docx_writer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "docx/xml_part.hpp"
#include "support/zip_writer.hpp"
#include "support/document_time.hpp"
#include "support/utf8.hpp"
#include "support/version.hpp"

namespace bulletin {

namespace {

using xml::declare;
using xml::serialize;
using xml::set;

// Appends text as runs' <w:t>, turning U+2028 (a forced line break) into <w:br/>.
void add_text(pugi::xml_node run, const std::string& text) {
    const std::string sep = "\u2028";
    std::size_t start = 0;
    while (true) {
        std::size_t at = text.find(sep, start);
        std::string part = text.substr(start, at == std::string::npos ? std::string::npos : at - start);
        if (!part.empty()) {
            auto t = run.append_child("w:t");
            set(t, "xml:space", "preserve");
            t.text().set(part.c_str());
        }
        if (at == std::string::npos) break;
        run.append_child("w:br");
        start = at + sep.size();
    }
}

class DocxWriter {
public:
    DocxWriter(const Document& doc, const Layout& layout, const FontTable& fonts, const TypesetFacts& facts)
        : doc_(doc), layout_(layout), styles_(layout, fonts), facts_(facts) {
        note_styles(doc.head);
        note_styles(doc.body);
    }

    std::vector<ZipPart> parts() {
        std::vector<ZipPart> out;
        std::string document = document_xml();  // first: it decides which other parts exist
        out.push_back({"[Content_Types].xml", content_types()});
        out.push_back({"_rels/.rels", package_rels()});
        out.push_back({"docProps/core.xml", core_xml()});
        out.push_back({"docProps/app.xml", app_xml()});
        out.push_back({"word/document.xml", document});
        out.push_back({"word/styles.xml", styles_.styles_xml()});
        out.push_back({"word/settings.xml", settings_xml()});
        out.push_back({"word/fontTable.xml", styles_.font_table_xml()});
        for (const auto& [name, xml] : extra_parts_) out.push_back({"word/" + name, xml});
        for (const auto& [name, data] : media_) out.push_back({"word/" + name, data});
        out.push_back({"word/_rels/document.xml.rels", document_rels()});
        return out;
    }

private:
    void note_styles(const std::vector<Block>& blocks) {
        auto note = [&](const Paragraph& p) { styles_.note_use(p.style, p.outline_level); };
        for (const Block& b : blocks) {
            if (const auto* p = std::get_if<Paragraph>(&b)) note(*p);
            else if (const auto* img = std::get_if<Image>(&b)) note(img->caption);
            else if (const auto* t = std::get_if<Table>(&b))
                for (const TableRow& r : t->rows)
                    for (const TableCell& c : r.cells)
                        for (const Paragraph& para : c.paragraphs) note(para);
        }
    }

    // ------------------------------------------------------------ content

    // How one run looks beyond its paragraph's style.
    struct RunLook {
        std::string char_style;  // the strong role's character style, or ""
        std::string font;        // the fallback face's office name, or ""
        double spacing = 0;      // after each character (a spaced-out name)
        double size = 0;         // a shrunk headline's size, or 0
        double fit_width = 0;    // w:fitText, with its group id
        int fit_id = 0;
    };

    void text_run(pugi::xml_node p, const std::string& text, const RunLook& look) {
        auto r = p.append_child("w:r");
        // Run properties in the schema's order: rStyle, rFonts, spacing, sz, szCs, fitText.
        pugi::xml_node rpr;
        auto props = [&] { return rpr ? rpr : (rpr = r.append_child("w:rPr")); };
        if (!look.char_style.empty()) set(props().append_child("w:rStyle"), "w:val", look.char_style);
        if (!look.font.empty()) {
            auto f = props().append_child("w:rFonts");
            for (const char* slot : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"}) set(f, slot, look.font);
            set(f, "w:hint", "eastAsia");
        }
        if (look.spacing > 0) set(props().append_child("w:spacing"), "w:val", std::to_string(twips(look.spacing)));
        if (look.size > 0) {
            // Word sizes run in half points: rounded down, or a headline the
            // PDF just fitted (35.8pt) would wrap at 36pt.
            const std::string half = std::to_string(static_cast<long>(std::floor(look.size * 2)));
            set(props().append_child("w:sz"), "w:val", half);
            set(props().append_child("w:szCs"), "w:val", half);
        }
        if (look.fit_width > 0) {
            auto f = props().append_child("w:fitText");
            set(f, "w:val", std::to_string(twips(look.fit_width)));
            set(f, "w:id", std::to_string(look.fit_id));
        }
        add_text(r, text);
    }

    void paragraph(pugi::xml_node parent, const Paragraph& p) {
        const Style& st = layout_.style(p.style);
        auto w = parent.append_child("w:p");
        auto ppr = w.append_child("w:pPr");
        // A heading's outline level comes with its style (see note_use()).
        set(ppr.append_child("w:pStyle"), "w:val", styles_.paragraph_style(p.style, p.outline_level));
        if (p.keep_with_next && !st.keep_with_next) ppr.append_child("w:keepNext");
        const std::string strong = styles_.strong_style(p.style);
        // A headline the PDF set smaller to fit its measure, at that size.
        auto shrunk = facts_.shrunk.find(&p);
        const double shrunk_size = shrunk != facts_.shrunk.end() ? shrunk->second : 0;
        for (const Span& span : p.spans) {
            if (span.text.empty()) continue;  // no empty runs
            RunLook look;
            look.char_style = span.strong ? strong : std::string();
            look.size = shrunk_size;
            const Fit fit = fit_of(span, shrunk_size > 0 ? shrunk_size : st.size);
            look.fit_width = fit.width;
            look.fit_id = fit.id;
            const std::string& role = span.strong && !st.strong.empty() ? st.strong : st.font;
            for (const auto& [text, fallback] : fallback_segments(span.text, role)) {
                look.font = fallback;  // a character the style's fonts lack, in the PDF's font for it
                // A spaced-out name of two: its first character alone, with the
                // space after it (what LibreOffice shows; Word fits by itself).
                const std::size_t first = utf8::encode(utf8::decode(text).front()).size();
                if (fit.spacing > 0 && first < text.size()) {
                    RunLook spaced = look;
                    spaced.spacing = fit.spacing;
                    text_run(w, text.substr(0, first), spaced);
                    text_run(w, text.substr(first), look);
                } else {
                    text_run(w, text, look);
                }
            }
        }
        last_paragraph_ = w;
    }

    // A span spaced out to a width (Span::fit_chars): Word's fitText, which
    // spreads the characters over it, and the letter-spacing after the first
    // of two characters that gives the same, for LibreOffice (which does not
    // read fitText; Word lets fitText decide).
    struct Fit {
        double width = 0, spacing = 0;
        int id = 0;
    };
    Fit fit_of(const Span& span, double size) {
        const std::size_t chars = utf8::length(span.text);
        if (span.fit_chars <= 0 || chars < 2 || chars >= static_cast<std::size_t>(span.fit_chars)) return {};
        return {span.fit_chars * size, chars == 2 ? (span.fit_chars - 2) * size : 0, ++fit_ids_};
    }

    // `text` cut where the font changes: stretches the role's own fonts set,
    // and stretches of characters they lack with the font for those.
    std::vector<std::pair<std::string, std::string>> fallback_segments(const std::string& text,
                                                                       const std::string& role) const {
        if (!facts_.fallback) return {{text, {}}};
        std::vector<std::pair<std::string, std::string>> out;
        for (char32_t c : utf8::decode(text)) {
            std::string font = c == 0x2028 ? std::string() : facts_.fallback(role, c);
            if (out.empty() || out.back().second != font) out.emplace_back(std::string(), font);
            out.back().first += utf8::encode(c);
        }
        if (out.empty()) out.emplace_back(std::string(), std::string());
        return out;
    }

    // The band across the page, as tall as the PDF's: a one-cell table row
    // of exactly that height, shaded in the accent colour, the column's name
    // and its Latin spelling at the left and the facts at the right, centred
    // vertically.
    void masthead(pugi::xml_node body, const Masthead& m) {
        const NewspaperSpec& ns = layout_.newspaper;
        const double width = layout_.page.content_width();
        const double pad = ns.masthead_height * 0.3;  // as the PDF pads it
        auto tbl = body.append_child("w:tbl");
        auto pr = tbl.append_child("w:tblPr");
        auto tw = pr.append_child("w:tblW");
        set(tw, "w:w", std::to_string(twips(width)));
        set(tw, "w:type", "dxa");
        set(pr.append_child("w:tblLayout"), "w:type", "fixed");
        auto mar = pr.append_child("w:tblCellMar");
        for (const char* side : {"left", "right"}) {
            auto e = mar.append_child((std::string("w:") + side).c_str());
            set(e, "w:w", std::to_string(twips(pad)));
            set(e, "w:type", "dxa");
        }
        set(tbl.append_child("w:tblGrid").append_child("w:gridCol"), "w:w", std::to_string(twips(width)));
        auto tr = tbl.append_child("w:tr");
        auto height = tr.append_child("w:trPr").append_child("w:trHeight");
        set(height, "w:val", std::to_string(twips(ns.masthead_height)));
        set(height, "w:hRule", "exact");
        auto tc = tr.append_child("w:tc");
        auto tcpr = tc.append_child("w:tcPr");
        auto cw = tcpr.append_child("w:tcW");
        set(cw, "w:w", std::to_string(twips(width)));
        set(cw, "w:type", "dxa");
        if (ns.accent) {
            auto shd = tcpr.append_child("w:shd");
            set(shd, "w:val", "clear");
            set(shd, "w:color", "auto");
            set(shd, "w:fill", hex_colour(*ns.accent));
        }
        set(tcpr.append_child("w:vAlign"), "w:val", "center");
        auto w = tc.append_child("w:p");
        auto ppr = w.append_child("w:pPr");
        set(ppr.append_child("w:pStyle"), "w:val", styles_.paragraph_style(m.name.style));
        auto tab = ppr.append_child("w:tabs").append_child("w:tab");
        set(tab, "w:val", "right");
        set(tab, "w:pos", std::to_string(twips(width - 2 * pad)));
        auto runs = [&](const Paragraph& p, const std::string& char_style, bool tab_before) {
            if (p.spans.empty()) return;
            auto r = w.append_child("w:r");
            if (!char_style.empty()) set(r.append_child("w:rPr").append_child("w:rStyle"), "w:val", char_style);
            if (tab_before) r.append_child("w:tab");
            else if (!char_style.empty()) add_text(r, " ");
            for (const Span& s : p.spans) add_text(r, s.text);
        };
        runs(m.name, "", false);
        runs(m.latin, styles_.character_style(m.latin.style), false);
        runs(m.info, styles_.character_style(m.info.style), true);
        last_paragraph_ = {};
    }

    // The rule under the newspaper's headline block, as the PDF draws it:
    // half the gap above it, half below.
    void head_rule(pugi::xml_node p) {
        const NewspaperSpec& ns = layout_.newspaper;
        auto ppr = p.child("w:pPr");
        if (!ppr) ppr = p.prepend_child("w:pPr");
        const long half_gap = twips(ns.head_gap / 2);
        if (ns.head_rule > 0) {
            auto bottom = xml::paragraph_property(ppr, "w:pBdr").append_child("w:bottom");
            set(bottom, "w:val", "single");
            set(bottom, "w:sz", std::to_string(std::clamp(std::lround(ns.head_rule * 8), 2L, 96L)));
            set(bottom, "w:space", std::to_string(std::min(std::lround(ns.head_gap / 2), 31L)));  // points
            set(bottom, "w:color", hex_colour(ns.accent.value_or(Color{})));
        }
        auto spacing = xml::paragraph_property(ppr, "w:spacing");
        spacing.remove_attribute("w:after");
        set(spacing, "w:after", std::to_string(half_gap));
    }

    void table(pugi::xml_node body, const Table& t) {
        const auto& cols = layout_.table.columns;
        std::vector<double> widths = column_widths(cols, layout_.page.content_width());
        auto tbl = body.append_child("w:tbl");
        auto pr = tbl.append_child("w:tblPr");
        set(pr.append_child("w:tblStyle"), "w:val", "BulletinTable");
        auto tw = pr.append_child("w:tblW");
        set(tw, "w:w", std::to_string(twips(layout_.page.content_width())));
        set(tw, "w:type", "dxa");
        set(pr.append_child("w:tblLayout"), "w:type", "fixed");
        auto grid = tbl.append_child("w:tblGrid");
        for (double w : widths) set(grid.append_child("w:gridCol"), "w:w", std::to_string(twips(w)));

        auto cell = [&](pugi::xml_node tr, const TableCell& c, double width, int span, bool middle,
                        const std::optional<Color>& fill, const std::string& style) {
            auto tc = tr.append_child("w:tc");
            auto tcpr = tc.append_child("w:tcPr");
            auto w = tcpr.append_child("w:tcW");
            set(w, "w:w", std::to_string(twips(width)));
            set(w, "w:type", "dxa");
            if (span > 1) set(tcpr.append_child("w:gridSpan"), "w:val", std::to_string(span));
            if (fill) {
                auto shd = tcpr.append_child("w:shd");
                set(shd, "w:val", "clear");
                set(shd, "w:color", "auto");
                set(shd, "w:fill", hex_colour(*fill));
            }
            if (middle) set(tcpr.append_child("w:vAlign"), "w:val", "center");
            for (const Paragraph& p : c.paragraphs) paragraph(tc, p);
            // A cell holds at least one paragraph: an empty one in the
            // column's style, at its size, not in Normal.
            if (c.paragraphs.empty())
                set(tc.append_child("w:p").append_child("w:pPr").append_child("w:pStyle"), "w:val",
                    styles_.paragraph_style(style));
        };
        // The header row repeats on every page; rows may break across pages.
        auto header = tbl.append_child("w:tr");
        header.append_child("w:trPr").append_child("w:tblHeader");
        for (std::size_t c = 0; c < t.header.size(); ++c)
            cell(header, t.header[c], widths[c], 1, true, layout_.table.header_background, layout_.table.header_style);
        for (const TableRow& row : t.rows) {
            auto tr = tbl.append_child("w:tr");
            if (row.group) {
                // Kept with the row after it, as the PDF keeps a group's
                // title with its first item (Word keeps a row whose
                // paragraphs keep with the next).
                tr.append_child("w:trPr").append_child("w:cantSplit");
                cell(tr, row.cells.at(0), layout_.page.content_width(), static_cast<int>(cols.size()), false, {},
                     layout_.table.group_style);
                for (auto para : tr.child("w:tc").children("w:p"))
                    xml::paragraph_property(para.child("w:pPr") ? para.child("w:pPr") : para.prepend_child("w:pPr"),
                                            "w:keepNext");
                continue;
            }
            for (std::size_t c = 0; c < row.cells.size(); ++c)
                cell(tr, row.cells[c], widths[c], 1, cols[c].middle, {}, cols[c].style);
        }
        last_paragraph_ = {};
    }

    // An inline picture as wide as the text (a newspaper column), no taller
    // than half the text area — as the PDF places it — then its caption.
    void image(pugi::xml_node body, const Image& img, double width) {
        // The bytes the model checked, never the file again: it may have
        // changed since.
        std::string ext = img.data->kind == ImageData::Kind::kPng ? "png" : "jpeg";
        std::string name = fmt::format("media/image{}.{}", ++part_count_["image"], ext);
        std::string id = fmt::format("rId{}", next_rel_++);
        media_.push_back({name, img.data->bytes});
        rels_.push_back({id, "image", name});

        double w = width, h = width * img.data->height / img.data->width;
        double max_h = layout_.page.content_height() / 2;
        if (h > max_h) w *= max_h / h, h = max_h;
        const std::string cx = std::to_string(std::lround(w * 12700)), cy = std::to_string(std::lround(h * 12700));
        auto p = body.append_child("w:p");
        auto ppr = p.append_child("w:pPr");
        set(ppr.append_child("w:pStyle"), "w:val", styles_.paragraph_style(img.caption.style));
        if (!img.caption.spans.empty()) ppr.append_child("w:keepNext");
        // The style's exact line height would crop the picture to one line:
        // the picture's own height, off the grid, with the PDF's gap around it.
        set(ppr.append_child("w:snapToGrid"), "w:val", "0");
        auto spacing = ppr.append_child("w:spacing");
        const long gap = twips(layout_.style(img.caption.style).size / 2);
        set(spacing, "w:before", std::to_string(gap));
        set(spacing, "w:after", std::to_string(gap));
        set(spacing, "w:line", "240");
        set(spacing, "w:lineRule", "auto");
        set(ppr.append_child("w:jc"), "w:val", "center");
        auto inline_ = p.append_child("w:r").append_child("w:drawing").append_child("wp:inline");
        for (const char* d : {"distT", "distB", "distL", "distR"}) set(inline_, d, "0");
        auto extent = inline_.append_child("wp:extent");
        set(extent, "cx", cx);
        set(extent, "cy", cy);
        auto doc_pr = inline_.append_child("wp:docPr");
        set(doc_pr, "id", std::to_string(part_count_["image"]));
        set(doc_pr, "name", fmt::format("Picture {}", part_count_["image"]));
        set(inline_.append_child("wp:cNvGraphicFramePr").append_child("a:graphicFrameLocks"), "noChangeAspect", "1");
        auto data_node = inline_.append_child("a:graphic").append_child("a:graphicData");
        set(data_node, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
        auto pic = data_node.append_child("pic:pic");
        auto nv = pic.append_child("pic:nvPicPr");
        auto c_nv = nv.append_child("pic:cNvPr");
        set(c_nv, "id", "0");
        set(c_nv, "name", name.substr(6));
        nv.append_child("pic:cNvPicPr");
        auto fill = pic.append_child("pic:blipFill");
        set(fill.append_child("a:blip"), "r:embed", id);
        fill.append_child("a:stretch").append_child("a:fillRect");
        auto sp = pic.append_child("pic:spPr");
        auto xfrm = sp.append_child("a:xfrm");
        auto off = xfrm.append_child("a:off");
        set(off, "x", "0");
        set(off, "y", "0");
        auto ext_node = xfrm.append_child("a:ext");
        set(ext_node, "cx", cx);
        set(ext_node, "cy", cy);
        auto geom = sp.append_child("a:prstGeom");
        set(geom, "prst", "rect");
        geom.append_child("a:avLst");
        last_paragraph_ = p;
        if (!img.caption.spans.empty()) paragraph(body, img.caption);
    }

    double text_width() const {
        if (layout_.kind != LayoutKind::kNewspaper) return layout_.page.content_width();
        const NewspaperSpec& ns = layout_.newspaper;
        return (layout_.page.content_width() - ns.gutter * (ns.columns - 1)) / ns.columns;
    }

    void blocks(pugi::xml_node body, const std::vector<Block>& list) {
        for (const Block& b : list) {
            if (const auto* p = std::get_if<Paragraph>(&b)) paragraph(body, *p);
            else if (const auto* t = std::get_if<Table>(&b)) table(body, *t);
            else if (const auto* m = std::get_if<Boxed<Masthead>>(&b)) masthead(body, **m);
            else if (const auto* img = std::get_if<Image>(&b)) image(body, *img, text_width());
        }
    }

    // ------------------------------------------------------------ sections

    std::string add_part(const std::string& kind, const std::string& xml) {
        std::string name = fmt::format("{}{}.xml", kind, ++part_count_[kind]);
        std::string id = fmt::format("rId{}", next_rel_++);
        extra_parts_.push_back({name, xml});
        rels_.push_back({id, kind, name});
        return id;
    }

    // A header or footer: `text` with "{page}" becoming a PAGE field; with
    // `right_text`, that at the right margin; with `rule`, a line under it.
    std::string furniture(const char* root_name, const std::string& style, const std::string& text, const char* align,
                          double indent_left, double indent_right, const std::string& right_text = {},
                          const std::optional<Color>& rule = {}) {
        pugi::xml_document x;
        declare(x);
        auto root = x.append_child(root_name);
        set(root, "xmlns:w", kWordNamespace);
        set(root, "xmlns:r", kRelNamespace);
        auto p = root.append_child("w:p");
        auto ppr = p.append_child("w:pPr");
        set(ppr.append_child("w:pStyle"), "w:val", styles_.paragraph_style(style));
        if (rule) {
            auto bottom = ppr.append_child("w:pBdr").append_child("w:bottom");
            set(bottom, "w:val", "single");
            set(bottom, "w:sz", "6");  // eighths of a point: the PDF's 0.75pt
            set(bottom, "w:space", "1");
            set(bottom, "w:color", hex_colour(*rule));
        }
        if (!right_text.empty()) {
            auto tab = ppr.append_child("w:tabs").append_child("w:tab");
            set(tab, "w:val", "right");
            set(tab, "w:pos", std::to_string(twips(layout_.page.content_width())));
        }
        auto ind = ppr.append_child("w:ind");
        set(ind, "w:left", std::to_string(twips(indent_left)));
        set(ind, "w:right", std::to_string(twips(indent_right)));
        set(ind, "w:firstLine", "0");
        set(ppr.append_child("w:jc"), "w:val", align);
        auto field_text = [&](const std::string& t) {
            std::size_t at = t.find("{page}");
            if (!t.substr(0, at).empty()) add_text(p.append_child("w:r"), t.substr(0, at));
            if (at == std::string::npos) return;
            auto fld = p.append_child("w:fldSimple");
            set(fld, "w:instr", " PAGE ");
            add_text(fld.append_child("w:r"), "1");
            if (at + 6 < t.size()) add_text(p.append_child("w:r"), t.substr(at + 6));
        };
        field_text(text);
        if (!right_text.empty()) {
            p.append_child("w:r").append_child("w:tab");
            field_text(right_text);
        }
        return serialize(x);
    }

    // The sections of a document: one for official and table; three for the
    // newspaper — the masthead and headline across the page, the body in
    // columns, and an empty one after it, whose continuous break is what
    // makes Word and LibreOffice balance the columns on the last page.
    enum class Part { kWhole, kHead, kColumns, kEnd };

    // The newspaper's running head (column name, page number, a rule),
    // from page 2 on: in every section, so that every suite shows it
    // whichever section it takes a page's header from (LibreOffice takes
    // the first section's, with its different first page).
    void running_heads(pugi::xml_node sect, Part part) {
        if (doc_.running_head.empty()) return;
        if (running_head_id_.empty())
            running_head_id_ = add_part("header", furniture("w:hdr", "running_head", doc_.running_head, "left", 0, 0,
                                                            "{page}", layout_.newspaper.accent.value_or(Color{})));
        auto ref = sect.append_child("w:headerReference");
        set(ref, "w:type", "default");
        set(ref, "r:id", running_head_id_);
        if (part == Part::kHead) {  // page 1 has the masthead instead
            auto first = sect.append_child("w:headerReference");
            set(first, "w:type", "first");
            set(first, "r:id", add_part("header", furniture("w:hdr", "running_head", "", "left", 0, 0)));
        }
    }

    void page_number_footers(pugi::xml_node sect) {
        const FooterSpec& f = layout_.footer;
        if (f.format.empty()) return;
        double inset = layout_.style(f.style).size;
        if (f.position == "outside") {
            auto odd = sect.append_child("w:footerReference");
            set(odd, "w:type", "default");
            set(odd, "r:id", add_part("footer", furniture("w:ftr", f.style, f.format, "right", 0, inset)));
            auto even = sect.append_child("w:footerReference");
            set(even, "w:type", "even");
            set(even, "r:id", add_part("footer", furniture("w:ftr", f.style, f.format, "left", inset, 0)));
            even_and_odd_ = true;
        } else {
            auto ref = sect.append_child("w:footerReference");
            set(ref, "w:type", "default");
            set(ref, "r:id", add_part("footer", furniture("w:ftr", f.style, f.format, "center", 0, 0)));
        }
    }

    void section(pugi::xml_node sect, Part part) {
        const PageSpec& pg = layout_.page;
        const FooterSpec& f = layout_.footer;
        // Children in the schema's order: header/footer references, type,
        // pgSz, pgMar, cols, titlePg, docGrid.
        if (part != Part::kWhole) running_heads(sect, part);
        page_number_footers(sect);
        if (part == Part::kColumns || part == Part::kEnd) set(sect.append_child("w:type"), "w:val", "continuous");
        auto size = sect.append_child("w:pgSz");
        set(size, "w:w", std::to_string(twips(pg.width)));
        set(size, "w:h", std::to_string(twips(pg.height)));
        if (pg.width > pg.height) set(size, "w:orient", "landscape");
        auto mar = sect.append_child("w:pgMar");
        set(mar, "w:top", std::to_string(twips(pg.top)));
        set(mar, "w:right", std::to_string(twips(pg.outside)));
        set(mar, "w:bottom", std::to_string(twips(pg.bottom)));
        set(mar, "w:left", std::to_string(twips(pg.inside)));
        // The running head just above the text area, the footer at the
        // layout's distance below it.
        double head = layout_.styles.count("running_head") ? layout_.style("running_head").leading + 4 : 18;
        set(mar, "w:header", std::to_string(twips(std::max(pg.top - head, 9.0))));
        // w:footer is the footer's bottom edge above the page's: the PDF's
        // baseline (distance below the text area) less the part of the
        // line below the baseline (half the leading beyond the size, and
        // the em box's 0.12 em under the baseline).
        const Style* foot = layout_.styles.count(f.style) ? &layout_.style(f.style) : nullptr;
        const double below_baseline = foot ? (foot->leading - foot->size) / 2 + 0.12 * foot->size : 4;
        set(mar, "w:footer", std::to_string(twips(std::max(pg.bottom - f.distance - below_baseline, 18.0))));
        set(mar, "w:gutter", "0");
        if (part == Part::kColumns) {
            const NewspaperSpec& ns = layout_.newspaper;
            auto cols = sect.append_child("w:cols");
            set(cols, "w:num", std::to_string(ns.columns));
            set(cols, "w:space", std::to_string(twips(ns.gutter)));
            if (ns.column_rule > 0) set(cols, "w:sep", "1");
        }
        if (part == Part::kHead) sect.append_child("w:titlePg");
        if (layout_.kind == LayoutKind::kOfficial) {
            // The 公文 grid: lines of the body's leading.
            auto grid = sect.append_child("w:docGrid");
            set(grid, "w:type", "lines");
            set(grid, "w:linePitch", std::to_string(twips(layout_.style("body").leading)));
        }
    }

    // Ends the section that the paragraphs so far belong to.
    void end_section(pugi::xml_node body, Part part) {
        if (!last_paragraph_) last_paragraph_ = body.append_child("w:p");
        auto ppr = last_paragraph_.child("w:pPr");
        if (!ppr) ppr = last_paragraph_.prepend_child("w:pPr");
        section(ppr.append_child("w:sectPr"), part);
        last_paragraph_ = {};
    }

    std::string document_xml() {
        pugi::xml_document x;
        declare(x);
        auto root = x.append_child("w:document");
        set(root, "xmlns:w", kWordNamespace);
        set(root, "xmlns:r", kRelNamespace);
        set(root, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
        set(root, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        set(root, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
        auto body = root.append_child("w:body");
        blocks(body, doc_.head);
        if (layout_.kind != LayoutKind::kNewspaper) {
            blocks(body, doc_.body);
            if (!last_paragraph_) body.append_child("w:p");  // Word wants a paragraph after a final table
            section(body.append_child("w:sectPr"), Part::kWhole);
            return serialize(x);
        }
        if (last_paragraph_) head_rule(last_paragraph_);
        end_section(body, Part::kHead);
        blocks(body, doc_.body);
        end_section(body, Part::kColumns);
        // The last section holds one empty paragraph, a point high.
        auto empty = body.append_child("w:p").append_child("w:pPr");
        set(empty.append_child("w:pStyle"), "w:val", styles_.paragraph_style("body"));
        auto spacing = empty.append_child("w:spacing");
        set(spacing, "w:before", "0");
        set(spacing, "w:after", "0");
        set(spacing, "w:line", "20");
        set(spacing, "w:lineRule", "exact");
        auto rpr = empty.append_child("w:rPr");
        set(rpr.append_child("w:sz"), "w:val", "2");
        section(body.append_child("w:sectPr"), Part::kEnd);
        return serialize(x);
    }

    // ------------------------------------------------------------ package

    std::string settings_xml() const {
        pugi::xml_document x;
        declare(x);
        auto root = x.append_child("w:settings");
        set(root, "xmlns:w", kWordNamespace);
        set(root.append_child("w:zoom"), "w:percent", "100");
        const PageSpec& pg = layout_.page;
        if (pg.inside != pg.outside) root.append_child("w:mirrorMargins");
        set(root.append_child("w:defaultTabStop"), "w:val", "420");
        if (even_and_odd_) root.append_child("w:evenAndOddHeaders");
        // 标点挤压, as the PDF does it.
        set(root.append_child("w:characterSpacingControl"), "w:val", "compressPunctuation");
        auto compat = root.append_child("w:compat").append_child("w:compatSetting");
        set(compat, "w:name", "compatibilityMode");
        set(compat, "w:uri", "http://schemas.microsoft.com/office/word");
        set(compat, "w:val", "15");
        return serialize(x);
    }

    std::string content_types() const {
        pugi::xml_document x;
        declare(x);
        auto root = x.append_child("Types");
        set(root, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
        auto def = [&](const char* ext, const char* type) {
            auto d = root.append_child("Default");
            set(d, "Extension", ext);
            set(d, "ContentType", type);
        };
        def("rels", "application/vnd.openxmlformats-package.relationships+xml");
        def("xml", "application/xml");
        def("png", "image/png");
        def("jpeg", "image/jpeg");
        auto over = [&](const std::string& part, const std::string& type) {
            auto o = root.append_child("Override");
            set(o, "PartName", part);
            set(o, "ContentType", type);
        };
        const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
        over("/word/document.xml", wml + "document.main+xml");
        over("/word/styles.xml", wml + "styles+xml");
        over("/word/settings.xml", wml + "settings+xml");
        over("/word/fontTable.xml", wml + "fontTable+xml");
        for (const auto& [name, xml] : extra_parts_)
            over("/word/" + name, wml + (name.rfind("header", 0) == 0 ? "header+xml" : "footer+xml"));
        over("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        over("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        return serialize(x);
    }

    static std::string relationships(const std::vector<std::array<std::string, 3>>& rels) {
        pugi::xml_document x;
        declare(x);
        auto root = x.append_child("Relationships");
        set(root, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
        for (const auto& [id, type, target] : rels) {
            auto r = root.append_child("Relationship");
            set(r, "Id", id);
            set(r, "Type", type);
            set(r, "Target", target);
        }
        return serialize(x);
    }

    std::string package_rels() const {
        const std::string od = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        return relationships({{"rId1", od + "officeDocument", "word/document.xml"},
                              {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                               "docProps/core.xml"},
                              {"rId3", od + "extended-properties", "docProps/app.xml"}});
    }

    std::string document_rels() const {
        const std::string od = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        std::vector<std::array<std::string, 3>> rels = {{"rId1", od + "styles", "styles.xml"},
                                                        {"rId2", od + "settings", "settings.xml"},
                                                        {"rId3", od + "fontTable", "fontTable.xml"}};
        for (const auto& r : rels_) rels.push_back({r.id, od + r.kind, r.target});
        return relationships(rels);
    }

    std::string core_xml() const {
        pugi::xml_document x;
        declare(x);
        auto root = x.append_child("cp:coreProperties");
        set(root, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
        set(root, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
        set(root, "xmlns:dcterms", "http://purl.org/dc/terms/");
        set(root, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
        set(root, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        auto text = [&](const char* name, const std::string& value) {
            if (!value.empty()) root.append_child(name).text().set(value.c_str());
        };
        text("dc:title", doc_.title);
        text("dc:subject", doc_.subject);
        text("dc:creator", doc_.author);
        text("cp:keywords", doc_.keywords);
        std::time_t when = document_time();
        std::tm utc{};
        gmtime_r(&when, &utc);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
        for (const char* name : {"dcterms:created", "dcterms:modified"}) {
            auto d = root.append_child(name);
            set(d, "xsi:type", "dcterms:W3CDTF");
            d.text().set(stamp);
        }
        return serialize(x);
    }

    static std::string app_xml() {
        pugi::xml_document x;
        declare(x);
        auto root = x.append_child("Properties");
        set(root, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
        root.append_child("Application").text().set((std::string("bulletin ") + kVersion).c_str());
        return serialize(x);
    }

    struct Rel {
        std::string id, kind, target;
    };

    const Document& doc_;
    const Layout& layout_;
    DocxStyles styles_;
    const TypesetFacts& facts_;
    pugi::xml_node last_paragraph_;
    std::vector<std::pair<std::string, std::string>> extra_parts_;  // headers and footers
    std::vector<std::pair<std::string, std::string>> media_;        // images
    std::vector<Rel> rels_;
    std::map<std::string, int> part_count_;
    bool even_and_odd_ = false;
    std::string running_head_id_;  // the newspaper's header part, once made
    int fit_ids_ = 0;              // w:fitText groups
    int next_rel_ = 10;  // rId1-3 are styles, settings and the font table
};

}  // namespace

std::vector<ZipPart> docx_parts(const Document& doc, const Layout& layout, const FontTable& fonts,
                                const TypesetFacts& facts) {
    return DocxWriter(doc, layout, fonts, facts).parts();
}

void write_docx(const Document& doc, const Layout& layout, const FontTable& fonts, ByteSink& out,
                const TypesetFacts& facts) {
    write_zip(out, docx_parts(doc, layout, fonts, facts), document_time());
}

}  // namespace bulletin
