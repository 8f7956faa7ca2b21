#include "ofd/ofd_writer.hpp"

#include <ctime>
#include <vector>

#include "ofd/ofd_page.hpp"
#include "ofd/ofd_resources.hpp"
#include "support/document_time.hpp"
#include "support/number_text.hpp"
#include "support/parallel.hpp"
#include "support/srgb_profile.hpp"
#include "support/xml_out.hpp"
#include "support/zip_writer.hpp"

namespace bulletin {

using namespace ofd;

namespace {

constexpr const char* kNamespace = "http://www.ofdspec.org/2016";
constexpr const char* kDocument = "Doc_0/";

pugi::xml_node root_element(pugi::xml_document& doc, const char* name) {
    xml::declare(doc);
    auto root = doc.append_child(name);
    xml::set(root, "xmlns:ofd", kNamespace);
    return root;
}

void text_child(pugi::xml_node parent, const char* name, const std::string& value) {
    parent.append_child(name).text().set(value.c_str());
}

std::string creation_date() {
    const std::time_t when = document_time();
    std::tm utc{};
    gmtime_r(&when, &utc);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);  // xs:date
    return buf;
}

}  // namespace

struct OfdWriter::State {
    State(ByteSink& out, OfdOptions opts) : zip(out, document_time()), options(opts) {}

    ZipWriter zip;
    OfdOptions options;
    Resources res;
    struct PageEntry {
        std::uint32_t id;
        double width, height;  // pt
    };
    std::vector<PageEntry> pages;

    void add_page(const Page& page) {
        const std::uint32_t id = res.new_id();
        // The document's page size is the first page's; a page of another
        // size says its own.
        const bool own_area = !pages.empty() && (page.width != pages.front().width || page.height != pages.front().height);
        std::string content = page_content(page, res, own_area);
        for (OfdImage& image : res.images())
            if (!image.packed) {
                zip.add(std::string(kDocument) + "Res/" + image.file_name(), image.data->bytes, false);
                image.packed = true;
            }
        zip.add(std::string(kDocument) + "Pages/Page_" + std::to_string(pages.size()) + "/Content.xml", std::move(content));
        pages.push_back({id, page.width, page.height});
    }

    void add_xml(const std::string& name, const pugi::xml_document& doc) { zip.add(name, xml::serialize(doc)); }

    // Fonts subset on as many threads as cores, then packed with their list.
    std::uint32_t public_res() {
        const auto& fonts = res.fonts();
        run_parallel(fonts.size(), [&fonts](std::size_t i) { fonts[i]->subset(); });
        pugi::xml_document doc;
        auto root = root_element(doc, "ofd:Res");
        xml::set(root, "BaseLoc", "Res");
        std::uint32_t color_space = 0;
        if (options.archive) {
            color_space = res.new_id();
            zip.add(std::string(kDocument) + "Res/sRGB.icc", srgb_icc_profile());
            auto cs = root.append_child("ofd:ColorSpaces").append_child("ofd:ColorSpace");
            xml::set(cs, "ID", std::to_string(color_space));
            xml::set(cs, "Type", "RGB");
            xml::set(cs, "BitsPerComponent", "8");
            xml::set(cs, "Profile", "sRGB.icc");
        }
        if (!fonts.empty()) {
            auto list = root.append_child("ofd:Fonts");
            for (const auto& font : fonts) {
                zip.add(std::string(kDocument) + "Res/" + font->file_name(), font->program());
                auto node = list.append_child("ofd:Font");
                xml::set(node, "ID", std::to_string(font->id()));
                xml::set(node, "FontName", font->face().postscript_name());
                xml::set(node, "FamilyName", font->face().family());
                // For a reader that substitutes an installed font (the standard's use of these flags).
                const std::string& style = font->face().style();
                if (style.find("Bold") != std::string::npos) xml::set(node, "Bold", "true");
                if (style.find("Italic") != std::string::npos || style.find("Oblique") != std::string::npos)
                    xml::set(node, "Italic", "true");
                text_child(node, "ofd:FontFile", font->file_name());
            }
        }
        add_xml(std::string(kDocument) + "PublicRes.xml", doc);
        return color_space;
    }

    bool document_res() {
        if (res.images().empty()) return false;
        pugi::xml_document doc;
        auto root = root_element(doc, "ofd:Res");
        xml::set(root, "BaseLoc", "Res");
        auto list = root.append_child("ofd:MultiMedias");
        for (const OfdImage& image : res.images()) {
            auto node = list.append_child("ofd:MultiMedia");
            xml::set(node, "ID", std::to_string(image.id));
            xml::set(node, "Type", "Image");
            xml::set(node, "Format", image.format());
            text_child(node, "ofd:MediaFile", image.file_name());
        }
        add_xml(std::string(kDocument) + "DocumentRes.xml", doc);
        return true;
    }

    // Level 1 open, deeper levels closed, as the PDF's outline; each entry
    // goes to its heading, keeping the reader's zoom.
    void outlines(pugi::xml_node document, const std::vector<Bookmark>& bookmarks) {
        if (bookmarks.empty() || pages.empty()) return;
        auto top = document.append_child("ofd:Outlines");
        std::vector<std::pair<int, pugi::xml_node>> open;  // level, element
        for (const Bookmark& bm : bookmarks) {
            while (!open.empty() && open.back().first >= bm.level) open.pop_back();
            auto elem = (open.empty() ? top : open.back().second).append_child("ofd:OutlineElem");
            xml::set(elem, "Title", bm.title);
            if (bm.level > 1) xml::set(elem, "Expanded", "false");
            const PageEntry& page = pages[std::min(bm.page, pages.size() - 1)];
            auto action = elem.append_child("ofd:Actions").append_child("ofd:Action");
            xml::set(action, "Event", "CLICK");
            auto dest = action.append_child("ofd:Goto").append_child("ofd:Dest");
            xml::set(dest, "Type", "XYZ");
            xml::set(dest, "PageID", std::to_string(page.id));
            xml::set(dest, "Left", "0");
            std::string top_mm;
            append_num(top_mm, bm.y * kMmPerPt);
            xml::set(dest, "Top", top_mm);
            // An element's children must come after its Actions.
            open.emplace_back(bm.level, elem);
        }
    }

    void document_xml(const TypesetDocument& doc, std::uint32_t color_space, bool has_document_res) {
        pugi::xml_document xml_doc;
        auto root = root_element(xml_doc, "ofd:Document");
        auto common = root.append_child("ofd:CommonData");
        auto max_id = common.append_child("ofd:MaxUnitID");  // filled in last: the outline takes none, but be sure
        const PageEntry first = pages.empty() ? PageEntry{0, 595.276, 841.89} : pages.front();
        text_child(common.append_child("ofd:PageArea"), "ofd:PhysicalBox", box_mm(0, 0, first.width, first.height));
        text_child(common, "ofd:PublicRes", "PublicRes.xml");
        if (has_document_res) text_child(common, "ofd:DocumentRes", "DocumentRes.xml");
        if (color_space) text_child(common, "ofd:DefaultCS", std::to_string(color_space));
        auto list = root.append_child("ofd:Pages");
        for (std::size_t i = 0; i < pages.size(); ++i) {
            auto page = list.append_child("ofd:Page");
            xml::set(page, "ID", std::to_string(pages[i].id));
            xml::set(page, "BaseLoc", "Pages/Page_" + std::to_string(i) + "/Content.xml");
        }
        outlines(root, doc.bookmarks);
        max_id.text().set(std::to_string(res.max_id()).c_str());
        add_xml(std::string(kDocument) + "Document.xml", xml_doc);
    }

    void ofd_xml(const TypesetDocument& doc) {
        pugi::xml_document xml_doc;
        auto root = root_element(xml_doc, "ofd:OFD");
        xml::set(root, "Version", "1.0");
        xml::set(root, "DocType", options.archive ? "OFD-A" : "OFD");
        auto body = root.append_child("ofd:DocBody");
        auto info = body.append_child("ofd:DocInfo");
        text_child(info, "ofd:DocID", document_id(doc, pages.size()));
        const DocumentInfo& di = doc.info;
        if (!di.title.empty()) text_child(info, "ofd:Title", di.title);
        if (!di.author.empty()) text_child(info, "ofd:Author", di.author);
        if (!di.subject.empty()) text_child(info, "ofd:Subject", di.subject);
        text_child(info, "ofd:CreationDate", creation_date());
        if (!di.keywords.empty()) text_child(info.append_child("ofd:Keywords"), "ofd:Keyword", di.keywords);
        text_child(info, "ofd:Creator", "bulletin");
        // "bulletin 0.1.0" -> "0.1.0"
        const std::size_t space = di.creator.rfind(' ');
        if (space != std::string::npos) text_child(info, "ofd:CreatorVersion", di.creator.substr(space + 1));
        text_child(body, "ofd:DocRoot", std::string(kDocument) + "Document.xml");
        add_xml("OFD.xml", xml_doc);
    }

    void finish(const TypesetDocument& doc) {
        const std::uint32_t color_space = public_res();
        const bool has_document_res = document_res();
        document_xml(doc, color_space, has_document_res);
        ofd_xml(doc);
        zip.finish();
    }
};

OfdWriter::OfdWriter(ByteSink& out, OfdOptions options)
    : out_(out), options_(options), state_(std::make_unique<State>(out, options)) {}

OfdWriter::~OfdWriter() = default;

void OfdWriter::add_page(const Page& page) { state_->add_page(page); }

void OfdWriter::restart() {
    state_.reset();
    out_.truncate(0);
    state_ = std::make_unique<State>(out_, options_);
}

void OfdWriter::finish(const TypesetDocument& doc) { state_->finish(doc); }

void write_ofd(const TypesetDocument& doc, ByteSink& out, OfdOptions options) {
    OfdWriter writer(out, options);
    for (const Page& page : doc.pages) writer.add_page(page);
    writer.finish(doc);
}

}  // namespace bulletin
