// The logical structure of a typeset document, for tagged PDF: what each
// piece of text is (a heading, a paragraph, a table cell …) and where it
// sits in the document's tree, in reading order. The typesetter adds a node
// as it reaches each block, and the page elements drawn for it carry the
// node's number (GlyphRun::tag, PlacedImage::tag); 0 marks page furniture
// (running heads, page numbers, a repeated table header, the masthead),
// which a PDF writes as an artifact.
//
// Contract: node 1 is the Document; a node's parent is added before it, and
// siblings are added in reading order; nodes are small (8 bytes), so a tree for
// 10,000 items stays a few megabytes while the pages stream.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace bulletin {

enum class StructRole : std::uint8_t {
    kDocument, kH1, kH2, kH3, kH4, kP, kSpan, kFigure, kTable, kTHead, kTBody, kTR, kTH, kTD
};
// The standard structure type's name (ISO 32000-1, 14.8.4): "H1", "TD" …
const char* role_name(StructRole role);
// H1–H4 for a heading of outline level 1–4 (deeper ones H4), else P.
StructRole paragraph_role(int outline_level);

struct StructNode {
    std::uint32_t parent = 0;
    StructRole role = StructRole::kP;
    std::uint16_t colspan = 1;  // a TD or TH spanning columns
};

class StructureTree {
public:
    static constexpr std::uint32_t kArtifact = 0;
    static constexpr std::uint32_t kRoot = 1;

    StructureTree() : nodes_(2) { nodes_[kRoot].role = StructRole::kDocument; }
    std::uint32_t add(StructRole role, std::uint32_t parent, std::uint16_t colspan = 1) {
        nodes_.push_back({parent, role, colspan});
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    }
    // A paragraph (P, or H1–H4 at its outline level) and, right after it,
    // `strong_spans` Span children: the labels and bold words of its text
    // (draw_line gives a strong span of rank k the node paragraph + 1 + k).
    std::uint32_t add_paragraph(int outline_level, std::uint32_t parent, std::size_t strong_spans) {
        const std::uint32_t p = add(paragraph_role(outline_level), parent);
        for (std::size_t k = 0; k < strong_spans; ++k) add(StructRole::kSpan, p);
        return p;
    }
    // The text a reader hears for a figure (its caption).
    void set_alt(std::uint32_t node, std::string text) { alt_[node] = std::move(text); }

    // Nodes 1 … size()-1 (0 is no node).
    std::size_t size() const { return nodes_.size(); }
    const StructNode& operator[](std::uint32_t i) const { return nodes_[i]; }
    const std::string* alt(std::uint32_t node) const {
        auto it = alt_.find(node);
        return it == alt_.end() ? nullptr : &it->second;
    }

private:
    std::vector<StructNode> nodes_;
    std::map<std::uint32_t, std::string> alt_;
};

}  // namespace bulletin
