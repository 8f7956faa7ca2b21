#include "ledger/docx_table.hpp"

#include <pugixml.hpp>

#include "support/zip_reader.hpp"

namespace bulletin {

namespace {

// A paragraph's text: runs' w:t, w:tab as a tab, w:br as a line break.
void collect(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node child : node.children()) {
        const std::string name = child.name();
        if (name == "w:t") out += child.text().get();
        else if (name == "w:tab") out += '\t';
        else if (name == "w:br" || name == "w:cr") out += '\n';
        else if (name != "w:rPr" && name != "w:pPr" && name != "w:instrText" && name != "w:delText") collect(child, out);
    }
}

std::string paragraph_text(pugi::xml_node p) {
    std::string out;
    collect(p, out);
    return out;
}

}  // namespace

std::optional<std::vector<CsvRow>> read_docx_table(std::string bytes, Diagnostics& diags) {
    std::string error;
    auto zip = ZipReader::open(std::move(bytes), error);
    if (!zip) {
        diags.error({}, error);
        return std::nullopt;
    }
    auto xml = zip->read("word/document.xml", error);
    if (!xml) {
        diags.error({}, zip->has("word/document.xml") ? error : "is not a Word document: it has no word/document.xml");
        return std::nullopt;
    }
    pugi::xml_document doc;
    if (!doc.load_buffer(xml->data(), xml->size())) {
        diags.error({}, "is damaged: word/document.xml is not well-formed XML");
        return std::nullopt;
    }
    pugi::xml_node body = doc.child("w:document").child("w:body");
    std::vector<CsvRow> rows;
    int line = 0;
    pugi::xml_node table;
    for (pugi::xml_node n : body.children()) {
        const std::string name = n.name();
        if (name == "w:tbl") {
            table = n;
            break;
        }
        if (name == "w:p") {
            std::string text = paragraph_text(n);
            if (text.find_first_not_of(" \t\n\u3000") != std::string::npos) rows.push_back({++line, {text}, false});
        }
    }
    if (!table) {
        diags.error({}, "has no table: a ledger in Word is a table with a row per item");
        return std::nullopt;
    }
    std::size_t columns = 0;
    for (pugi::xml_node col : table.child("w:tblGrid").children("w:gridCol")) (void)col, ++columns;
    for (pugi::xml_node tr : table.children("w:tr")) {
        CsvRow row{++line, {}, false};
        std::size_t spanned = 0;
        for (pugi::xml_node tc : tr.children("w:tc")) {
            std::string text;
            for (pugi::xml_node p : tc.children("w:p")) {
                if (!text.empty()) text += '\n';
                text += paragraph_text(p);
            }
            row.cells.push_back(text);
            spanned += std::max(1, tc.child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int(1));
        }
        row.spans_all = row.cells.size() == 1 && columns > 1 && spanned >= columns;
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace bulletin
