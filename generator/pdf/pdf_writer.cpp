#include "pdf/pdf_writer.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <stdexcept>

#include "pdf/cid_font.hpp"
#include "pdf/pdf_file.hpp"
#include "support/document_time.hpp"
#include "support/parallel.hpp"
#include "support/srgb_profile.hpp"
#include "support/xml_out.hpp"

namespace bulletin {

namespace {

void color_op(std::string& out, const Color& c, const char* op) {
    append_num(out, c.r);
    out += ' ';
    append_num(out, c.g);
    out += ' ';
    append_num(out, c.b);
    out += ' ';
    out += op;
    out += '\n';
}

// Numbers separated by spaces, then the operator.
void op(std::string& out, std::initializer_list<double> numbers, const char* name) {
    for (double v : numbers) {
        append_num(out, v);
        out += ' ';
    }
    out += name;
    out += '\n';
}

// Tagged PDF: each stretch of elements of one structure node becomes a
// marked-content sequence with its own MCID; furniture, rules and boxes
// are artifacts. `nodes` gets the node of each MCID, in order; the page's
// MCIDs count from `first` on.
struct Marking {
    std::string& content;
    std::vector<std::uint32_t>& nodes;
    std::size_t first;
    const StructureTree* tree;
    long open = -1;     // -1 nothing open, 0 an artifact, else the node
    bool empty = true;  // nothing drawn in the open sequence yet

    void to(std::uint32_t tag) {
        if (open == static_cast<long>(tag)) return;
        if (open >= 0) content += "EMC\n";
        open = tag;
        empty = true;
        if (tag == StructureTree::kArtifact || !tree || tag >= tree->size()) {
            open = 0;
            content += "/Artifact BMC\n";
            return;
        }
        content += '/';
        content += role_name((*tree)[tag].role);
        content += " <</MCID " + std::to_string(nodes.size() - first) + ">> BDC\n";
        nodes.push_back(tag);
    }
    // The node goes on in a sequence of its own (poppler reads one
    // /ActualText per marked-content sequence).
    void separate() {
        if (open <= 0 || empty) return;
        const auto tag = static_cast<std::uint32_t>(open);
        open = -1;
        content += "EMC\n";
        to(tag);
    }
    void close() {
        if (open >= 0) content += "EMC\n";
        open = -1;
    }
};

// The document's date as `format` (strftime) gives it, in UTC.
std::string date_string(const char* format) {
    std::time_t when = document_time();
    std::tm utc{};
    gmtime_r(&when, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &utc);
    return buf;
}
constexpr const char* kPdfDate = "D:%Y%m%d%H%M%SZ";
constexpr const char* kXmpDate = "%Y-%m-%dT%H:%M:%SZ";  // the same instant (ISO 19005-2, 6.6.2.3.1)

// XMP for PDF/A: each entry the information dictionary's equivalent
// (ISO 19005-2, 6.6.2.3), and the PDF/A identification (6.6.4).
std::string xmp_packet(const DocumentInfo& info, char conformance) {
    const std::string date = date_string(kXmpDate);
    std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                    "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
                    "xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
    auto alt = [&](const char* key, const std::string& value) {
        if (!value.empty())
            x += std::string("<") + key + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml::escaped(value) +
                 "</rdf:li></rdf:Alt></" + key + ">\n";
    };
    auto simple = [&](const char* key, const std::string& value) {
        if (!value.empty()) x += std::string("<") + key + ">" + xml::escaped(value) + "</" + key + ">\n";
    };
    x += "<dc:format>application/pdf</dc:format>\n";
    alt("dc:title", info.title);
    if (!info.author.empty())
        x += "<dc:creator><rdf:Seq><rdf:li>" + xml::escaped(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    alt("dc:description", info.subject);
    simple("pdf:Keywords", info.keywords);
    simple("pdf:Producer", info.creator);
    simple("xmp:CreatorTool", info.creator);
    simple("xmp:CreateDate", date);
    simple("xmp:ModifyDate", date);
    x += "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>";
    x += conformance;
    x += "</pdfaid:conformance>\n";
    x += "</rdf:Description>\n</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

}  // namespace

struct PdfWriter::State {
    State(ByteSink& out, PdfStandard conforms_to)
        : archive(conforms_to != PdfStandard::kPdf17), standard(conforms_to), file(out), pages_root(file.reserve()) {}

    bool archive;  // PDF/A-2b or -2u
    PdfStandard standard;
    pdf::PdfFile file;
    int pages_root;
    std::vector<int> pages;             // page objects, in order
    std::vector<double> page_heights;   // for the outline's destinations
    // Fonts in order of first use (their resource names F1, F2 … follow it).
    std::vector<std::unique_ptr<pdf::CidFont>> fonts;
    std::map<const FontFace*, std::size_t> font_index;
    // Each picture embedded once, at its first page, however often shown.
    struct Embedded {
        std::shared_ptr<const ImageData> data;
        int object;
    };
    std::map<const ImageData*, Embedded> images;

    std::size_t font_for(const FontFace* face) {
        auto [it, fresh] = font_index.emplace(face, fonts.size());
        if (fresh) fonts.push_back(std::make_unique<pdf::CidFont>(*face, file.reserve()));
        return it->second;
    }

    void glyph_run(std::string& out, const GlyphRun& run, pdf::CidFont& font, std::size_t font_number,
                   double page_height, Marking& mark) {
        // Codes first: where a glyph cannot tell its text through ToUnicode
        // (one character drawn with two glyphs, one glyph used for two
        // characters, a name spaced out), the run carries its text as
        // /ActualText, so extraction still gets it right.
        codes.clear();
        bool actual_text = run.actual_text;
        // PDF/A: a font's widths are its program's (ISO 19005-2, 6.2.11.5),
        // so no halved font; the marks are placed by TJ offsets as they are.
        auto halved = [&run, this](std::size_t k) { return !archive && !run.halved.empty() && run.halved[k]; };
        static const std::u32string kNoText;
        const std::u32string* cluster = &kNoText;  // the text of the cluster glyph i belongs to
        for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
            bool mapped = true;
            if (!run.texts[i].empty()) cluster = &run.texts[i];
            codes.push_back(font.use(run.glyphs[i], run.texts[i], mapped, *cluster));
            actual_text = actual_text || !mapped;
            if (halved(i)) {
                const int object = font.halved_font(run.glyphs[i], [this] { return file.reserve(); });
                if (std::find(halved_used.begin(), halved_used.end(), std::make_pair(font_number, object)) == halved_used.end())
                    halved_used.emplace_back(font_number, object);
            }
        }
        if (actual_text) {
            mark.separate();
            out += "/Span <</ActualText <FEFF";
            for (const auto& text : run.texts) pdf::append_utf16_hex(out, text);
            out += ">>> BDC\n";
        }
        out += "BT\n";
        color_op(out, run.color, "rg");
        const double scale = run.size / 1000.0;
        bool font_set = false, font_halved = false;
        std::size_t i = 0;
        while (i < run.glyphs.size()) {
            // One Tf (when the font changes), Tm and TJ per stretch of glyphs
            // on the same baseline offset, shown through the same font.
            if (!font_set || font_halved != halved(i)) {
                font_set = true;
                font_halved = halved(i);
                out += "/F";
                out += std::to_string(font_number + 1);
                if (font_halved) out += 'h';
                out += ' ';
                append_num(out, run.size);
                out += " Tf\n";
            }
            const double y_offset = run.ys.empty() ? 0 : run.ys[i];
            op(out, {1, 0, 0, 1, run.x + run.xs[i], page_height - run.y + y_offset}, "Tm");
            out += "[<";
            double pen = run.xs[i];
            const std::size_t first = i;
            for (; i < run.glyphs.size() &&
                   (i == first || ((run.ys.empty() ? 0 : run.ys[i]) == y_offset && halved(i) == font_halved));
                 ++i) {
                const double gap = run.xs[i] - pen;
                if (std::abs(gap) > 0.001) {
                    out += '>';
                    append_num(out, -gap / scale);
                    out += '<';
                }
                pdf::append_hex4(out, codes[i]);
                pen = run.xs[i] + (font_halved ? font.width(run.glyphs[i]) / 2 : font.width(run.glyphs[i])) * scale;
            }
            out += ">] TJ\n";
        }
        out += "ET\n";
        if (actual_text) out += "EMC\n";
    }

    // A JPEG is embedded as it is (DCTDecode); a PNG as its pixels, decoded
    // by support/image_file, with its transparency as a soft mask.
    int image_for(const std::shared_ptr<const ImageData>& data) {
        auto it = images.find(data.get());
        if (it != images.end()) return it->second.object;
        const std::string size = "/Width " + std::to_string(data->width) + "/Height " + std::to_string(data->height) +
                                 "/BitsPerComponent 8";
        int object = 0;
        if (data->kind == ImageData::Kind::kJpeg) {
            if (archive && data->components == 4)
                throw std::runtime_error("PDF/A-2b allows no CMYK colour with an sRGB output intent (ISO 19005-2, "
                                         "6.2.4.3), and a picture is a CMYK JPEG (" + std::to_string(data->width) +
                                         "x" + std::to_string(data->height) + " pixels): save it as RGB");
            std::string space = data->components == 1 ? "/DeviceGray" : data->components == 4 ? "/DeviceCMYK" : "/DeviceRGB";
            std::string dict = "/Type/XObject/Subtype/Image" + size + "/ColorSpace" + space + "/Filter/DCTDecode";
            if (data->adobe_cmyk) dict += "/Decode[1 0 1 0 1 0 1 0]";
            object = file.stream(dict, data->bytes, false);
        } else {
            const Pixels px = decode_png(*data);
            std::string dict = "/Type/XObject/Subtype/Image" + size +
                               (px.channels == 1 ? "/ColorSpace/DeviceGray" : "/ColorSpace/DeviceRGB");
            if (!px.alpha.empty()) {
                std::string alpha(reinterpret_cast<const char*>(px.alpha.data()), px.alpha.size());
                dict += "/SMask " + pdf::ref(file.stream("/Type/XObject/Subtype/Image" + size + "/ColorSpace/DeviceGray", std::move(alpha)));
            }
            object = file.stream(dict, std::string(reinterpret_cast<const char*>(px.color.data()), px.color.size()));
        }
        images.emplace(data.get(), Embedded{data, object});
        return object;
    }

    void add_page(const Page& page) {
        halved_used.clear();
        std::string content;
        std::vector<std::size_t> fonts_used;
        std::vector<int> images_used;
        page_first_mcid.push_back(mcid_nodes.size());
        Marking mark{content, mcid_nodes, mcid_nodes.size(), page.structure.get()};
        for (const PageElement& el : page.elements) {
            if (const auto* run = std::get_if<GlyphRun>(&el)) mark.to(run->repeated ? 0 : run->tag);
            else if (const auto* image = std::get_if<PlacedImage>(&el)) mark.to(image->tag);
            else mark.to(StructureTree::kArtifact);
            if (const auto* run = std::get_if<GlyphRun>(&el)) {
                const std::size_t f = font_for(run->face);
                if (std::find(fonts_used.begin(), fonts_used.end(), f) == fonts_used.end()) fonts_used.push_back(f);
                glyph_run(content, *run, *fonts[f], f, page.height, mark);
            } else if (const auto* rule = std::get_if<Rule>(&el)) {
                op(content, {rule->width}, "w");
                color_op(content, rule->color, "RG");
                op(content, {rule->x1, page.height - rule->y1}, "m");
                op(content, {rule->x2, page.height - rule->y2}, "l S");
            } else if (const auto* box = std::get_if<Box>(&el)) {
                color_op(content, box->fill, "rg");
                op(content, {box->x, page.height - box->y - box->height, box->width, box->height}, "re f");
            } else if (const auto* image = std::get_if<PlacedImage>(&el)) {
                const int object = image_for(image->data);
                if (std::find(images_used.begin(), images_used.end(), object) == images_used.end())
                    images_used.push_back(object);
                content += "q\n";
                op(content, {image->width, 0, 0, image->height, image->x, page.height - image->y - image->height},
                   "cm");
                content += "/Im" + std::to_string(object) + " Do\nQ\n";
            }
            mark.empty = false;
        }
        mark.close();
        const int contents = file.stream("", std::move(content));
        std::string dict = "<</Type/Page/Parent " + pdf::ref(pages_root) + "/MediaBox[0 0 ";
        append_num(dict, page.width);
        dict += ' ';
        append_num(dict, page.height);
        dict += "]/Resources<<";
        if (!fonts_used.empty()) {
            dict += "/Font<<";
            for (std::size_t f : fonts_used) dict += "/F" + std::to_string(f + 1) + " " + pdf::ref(fonts[f]->type0());
            for (const auto& [f, object] : halved_used) dict += "/F" + std::to_string(f + 1) + "h " + pdf::ref(object);
            dict += ">>";
        }
        if (!images_used.empty()) {
            dict += "/XObject<<";
            for (int object : images_used) dict += "/Im" + std::to_string(object) + " " + pdf::ref(object);
            dict += ">>";
        }
        dict += ">>/Contents " + pdf::ref(contents) + "/StructParents " + std::to_string(pages.size()) + ">>";
        pages.push_back(file.object(dict));
        page_heights.push_back(page.height);
    }

    // Subsetting dominates a small render and faces are independent.
    void embed_fonts() {
        run_parallel(fonts.size(), [this](std::size_t i) { fonts[i]->subset(); });
        for (const auto& font : fonts) font->embed(file);
    }

    // The outline: level-1 entries open, deeper ones closed; each jumps to
    // its heading and keeps the reader's zoom ([page /XYZ null top null]).
    int write_outline(const std::vector<Bookmark>& bookmarks) {
        if (bookmarks.empty() || pages.empty()) return 0;
        struct Node {
            int object = 0;
            int parent = -1;  // index, -1 = the root
            std::vector<int> children;
            bool open = false;
        };
        std::vector<Node> nodes(bookmarks.size());
        std::vector<int> top;
        std::vector<int> stack;
        for (std::size_t i = 0; i < bookmarks.size(); ++i) {
            while (!stack.empty() && bookmarks[static_cast<std::size_t>(stack.back())].level >= bookmarks[i].level)
                stack.pop_back();
            Node& n = nodes[i];
            n.object = file.reserve();
            n.open = bookmarks[i].level == 1;
            n.parent = stack.empty() ? -1 : stack.back();
            (stack.empty() ? top : nodes[static_cast<std::size_t>(n.parent)].children).push_back(static_cast<int>(i));
            stack.push_back(static_cast<int>(i));
        }
        // Entries shown when a node is open (children, and theirs if open), from the leaves up.
        std::vector<long> visible(nodes.size(), 0);
        for (std::size_t k = nodes.size(); k-- > 0;)
            for (int c : nodes[k].children)
                visible[k] += 1 + (nodes[static_cast<std::size_t>(c)].open ? visible[static_cast<std::size_t>(c)] : 0);
        const int root = file.reserve();
        auto siblings = [&](int parent) -> const std::vector<int>& {
            return parent < 0 ? top : nodes[static_cast<std::size_t>(parent)].children;
        };
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const Node& n = nodes[i];
            const Bookmark& bm = bookmarks[i];
            const std::vector<int>& sib = siblings(n.parent);
            const auto at = static_cast<std::size_t>(std::find(sib.begin(), sib.end(), static_cast<int>(i)) - sib.begin());
            const std::size_t page = std::min(bm.page, pages.size() - 1);
            std::string d = "<</Title " + pdf::text_string(bm.title) + "/Parent " +
                            pdf::ref(n.parent < 0 ? root : nodes[static_cast<std::size_t>(n.parent)].object);
            if (at > 0) d += "/Prev " + pdf::ref(nodes[static_cast<std::size_t>(sib[at - 1])].object);
            if (at + 1 < sib.size()) d += "/Next " + pdf::ref(nodes[static_cast<std::size_t>(sib[at + 1])].object);
            if (!n.children.empty()) {
                d += "/First " + pdf::ref(nodes[static_cast<std::size_t>(n.children.front())].object) + "/Last " +
                     pdf::ref(nodes[static_cast<std::size_t>(n.children.back())].object) + "/Count " +
                     std::to_string(n.open ? visible[i] : -visible[i]);
            }
            d += "/Dest[" + pdf::ref(pages[page]) + "/XYZ null ";
            append_num(d, page_heights[page] - bm.y);
            d += " null]>>";
            file.object(n.object, d);
        }
        long shown = 0;
        for (int t : top) shown += 1 + (nodes[static_cast<std::size_t>(t)].open ? visible[static_cast<std::size_t>(t)] : 0);
        file.object(root, "<</Type/Outlines/First " + pdf::ref(nodes[static_cast<std::size_t>(top.front())].object) +
                              "/Last " + pdf::ref(nodes[static_cast<std::size_t>(top.back())].object) + "/Count " +
                              std::to_string(shown) + ">>");
        return root;
    }

    // The structure tree: a StructElem per node, its kids its child nodes
    // (in the order they were added) and then its marked content; the
    // parent tree maps each page's MCIDs back to their elements.
    int write_structure(const StructureTree& tree) {
        const std::size_t n = tree.size();
        const int root = file.reserve();
        std::vector<int> objects(n, 0);
        for (std::size_t i = StructureTree::kRoot; i < n; ++i) objects[i] = file.reserve();
        // Children and marked content of each node, by counting sort.
        std::vector<std::uint32_t> child_start(n + 1, 0), children(n);
        for (std::size_t i = StructureTree::kRoot + 1; i < n; ++i) ++child_start[tree[static_cast<std::uint32_t>(i)].parent + 1];
        for (std::size_t i = 1; i <= n; ++i) child_start[i] += child_start[i - 1];
        {
            std::vector<std::uint32_t> fill(child_start.begin(), child_start.end() - 1);
            for (std::size_t i = StructureTree::kRoot + 1; i < n; ++i)
                children[fill[tree[static_cast<std::uint32_t>(i)].parent]++] = static_cast<std::uint32_t>(i);
        }
        struct Mark {
            std::uint32_t page, mcid;
        };
        std::vector<std::uint32_t> mark_start(n + 1, 0);
        std::size_t marks_total = 0;
        // Page p's MCIDs: mcid_nodes[page_first_mcid[p] …] up to the next page's.
        auto page_end = [this](std::size_t p) {
            return p + 1 < page_first_mcid.size() ? page_first_mcid[p + 1] : mcid_nodes.size();
        };
        for (std::uint32_t node : mcid_nodes) ++mark_start[node + 1], ++marks_total;
        for (std::size_t i = 1; i <= n; ++i) mark_start[i] += mark_start[i - 1];
        std::vector<Mark> marks(marks_total);
        {
            std::vector<std::uint32_t> fill(mark_start.begin(), mark_start.end() - 1);
            for (std::uint32_t p = 0; p < page_first_mcid.size(); ++p)
                for (std::size_t k = page_first_mcid[p]; k < page_end(p); ++k)
                    marks[fill[mcid_nodes[k]]++] = {p, static_cast<std::uint32_t>(k - page_first_mcid[p])};
        }
        for (std::size_t i = StructureTree::kRoot; i < n; ++i) {
            const StructNode& node = tree[static_cast<std::uint32_t>(i)];
            std::string d = "<</Type/StructElem/S/";
            d += role_name(node.role);
            d += "/P " + pdf::ref(i == StructureTree::kRoot ? root : objects[node.parent]);
            if (node.role == StructRole::kTH) d += "/A<</O/Table/Scope/Column>>";
            else if (node.colspan > 1) d += "/A<</O/Table/ColSpan " + std::to_string(node.colspan) + ">>";
            if (const std::string* alt = tree.alt(static_cast<std::uint32_t>(i))) d += "/Alt " + pdf::text_string(*alt);
            const std::uint32_t c0 = child_start[i], c1 = child_start[i + 1];
            const std::uint32_t m0 = mark_start[i], m1 = mark_start[i + 1];
            // Content on one page and no child element: the short form.
            const bool one_page = c0 == c1 && m0 < m1 && marks[m0].page == marks[m1 - 1].page;
            if (one_page) d += "/Pg " + pdf::ref(pages[marks[m0].page]);
            d += "/K[";
            // Kids in the order they are read: a child element (a Span of a
            // paragraph) where its first content is, among the node's own.
            auto first_mark = [&](std::uint32_t kid) {
                return mark_start[kid] < mark_start[kid + 1] ? marks[mark_start[kid]] : Mark{~0u, ~0u};
            };
            auto before = [](const Mark& a, const Mark& b) { return a.page != b.page ? a.page < b.page : a.mcid < b.mcid; };
            std::uint32_t c = c0, m = m0;
            while (c < c1 || m < m1) {
                if (c < c1 && (m == m1 || !before(marks[m], first_mark(children[c])))) {
                    d += pdf::ref(objects[children[c++]]) + ' ';
                } else if (one_page) {
                    d += std::to_string(marks[m++].mcid) + ' ';
                } else {
                    d += "<</Type/MCR/Pg " + pdf::ref(pages[marks[m].page]) + "/MCID " + std::to_string(marks[m].mcid) +
                         ">> ";
                    ++m;
                }
            }
            if (d.back() == ' ') d.pop_back();
            d += "]>>";
            file.object(objects[i], std::move(d));
        }
        // The parent tree: a number tree of leaves of up to 256 pages each.
        constexpr std::size_t kLeafPages = 256;
        const std::size_t page_count = page_first_mcid.size();
        std::vector<int> leaves;
        for (std::size_t from = 0; from < page_count || leaves.empty(); from += kLeafPages) {
            const std::size_t to = std::min(page_count, from + kLeafPages);
            std::string leaf = "<<";
            if (page_count > kLeafPages)
                leaf += "/Limits[" + std::to_string(from) + " " + std::to_string(to == 0 ? 0 : to - 1) + "]";
            leaf += "/Nums[";
            for (std::size_t p = from; p < to; ++p) {
                leaf += std::to_string(p) + "[";
                for (std::size_t k = page_first_mcid[p]; k < page_end(p); ++k) {
                    if (k > page_first_mcid[p]) leaf += ' ';
                    leaf += pdf::ref(objects[mcid_nodes[k]]);
                }
                leaf += "]";
            }
            leaf += "]>>";
            leaves.push_back(file.object(std::move(leaf)));
            if (to == page_count) break;
        }
        int parent_tree = leaves.front();
        if (leaves.size() > 1) {
            std::string kids = "<</Kids[";
            for (std::size_t k = 0; k < leaves.size(); ++k) kids += (k ? " " : "") + pdf::ref(leaves[k]);
            parent_tree = file.object(kids + "]>>");
        }
        file.object(root, "<</Type/StructTreeRoot/K " + pdf::ref(objects[StructureTree::kRoot]) + "/ParentTree " +
                              pdf::ref(parent_tree) + "/ParentTreeNextKey " + std::to_string(page_count) + ">>");
        return root;
    }

    int write_info(const DocumentInfo& info) {
        std::string d = "<<";
        auto put = [&](const char* key, const std::string& value) {
            if (!value.empty()) d += std::string("/") + key + " " + pdf::text_string(value);
        };
        put("Title", info.title);
        put("Author", info.author);
        put("Subject", info.subject);
        put("Keywords", info.keywords);
        put("Creator", info.creator);
        put("Producer", info.creator);
        const std::string date = date_string(kPdfDate);
        d += "/CreationDate(" + date + ")/ModDate(" + date + ")>>";
        return file.object(d);
    }

    void finish(const TypesetDocument& doc) {
        embed_fonts();
        std::string kids = "<</Type/Pages/Kids[";
        for (std::size_t i = 0; i < pages.size(); ++i) {
            if (i) kids += ' ';
            kids += pdf::ref(pages[i]);
        }
        kids += "]/Count " + std::to_string(pages.size()) + ">>";
        file.object(pages_root, kids);
        const int outline = write_outline(doc.bookmarks);
        const int structure = write_structure(*doc.structure);
        // Tagged (ISO 32000-1, 14.8): the structure, the language of the text,
        // and the title shown instead of the file's name.
        std::string catalog = "<</Type/Catalog/Pages " + pdf::ref(pages_root) + "/PageLabels<</Nums[0<</S/D>>]>>" +
                              "/StructTreeRoot " + pdf::ref(structure) +
                              "/MarkInfo<</Marked true>>/Lang(zh-CN)/ViewerPreferences<</DisplayDocTitle true>>";
        if (outline) catalog += "/Outlines " + pdf::ref(outline) + "/PageMode/UseOutlines";
        if (archive) {
            // Uncompressed, so that a reader finds it without a PDF parser.
            catalog += "/Metadata " + pdf::ref(file.stream("/Type/Metadata/Subtype/XML",
                                                           xmp_packet(doc.info, standard == PdfStandard::kPdfA2u ? 'U' : 'B'),
                                                           false));
            // Every colour is DeviceRGB or DeviceGray: an sRGB output intent
            // says what they mean (ISO 19005-2, 6.2.3 and 6.2.4.3).
            const int profile = file.stream("/N 3", srgb_icc_profile());
            catalog += "/OutputIntents[<</Type/OutputIntent/S/GTS_PDFA1/OutputConditionIdentifier(sRGB IEC61966-2.1)"
                       "/Info(sRGB IEC61966-2.1)/DestOutputProfile " + pdf::ref(profile) + ">>]";
        }
        catalog += ">>";
        const int root = file.object(catalog);
        const int info = write_info(doc.info);
        file.finish(root, info, [&](std::uint64_t size) { return document_id(doc, size); });
    }

    std::vector<std::uint16_t> codes;  // of the glyph run being written
    std::vector<std::pair<std::size_t, int>> halved_used;  // of the page being written: font, halved font's object
    // The node of each MCID, page after page (one array: a small vector per
    // page would be scattered among the pages' big, freed allocations).
    std::vector<std::uint32_t> mcid_nodes;
    std::vector<std::size_t> page_first_mcid;
};

PdfWriter::PdfWriter(ByteSink& out, PdfStandard standard)
    : out_(out), standard_(standard), state_(std::make_unique<State>(out, standard)) {}

PdfWriter::~PdfWriter() = default;

void PdfWriter::add_page(const Page& page) { state_->add_page(page); }

void PdfWriter::restart() {
    state_.reset();
    out_.truncate(0);
    state_ = std::make_unique<State>(out_, standard_);
}

void PdfWriter::finish(const TypesetDocument& doc) { state_->finish(doc); }

void write_pdf(const TypesetDocument& doc, ByteSink& out, PdfStandard standard) {
    PdfWriter writer(out, standard);
    for (const Page& page : doc.pages) writer.add_page(page);
    writer.finish(doc);
}

}  // namespace bulletin
