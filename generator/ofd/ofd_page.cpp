#include "ofd/ofd_page.hpp"

#include <algorithm>
#include <cmath>

#include "support/number_text.hpp"
#include "support/utf8.hpp"
#include "support/xml_out.hpp"

namespace bulletin::ofd {

namespace {

std::string mm(double pt) {
    std::string s;
    append_num(s, pt * kMmPerPt);
    return s;
}

// Numbers separated by single spaces (ofd.js splits on one space).
std::string numbers(std::initializer_list<double> values_mm) {
    std::string s;
    for (double v : values_mm) {
        if (!s.empty()) s += ' ';
        append_num(s, v);
    }
    return s;
}

// A DeltaX or DeltaY list in mm, a stretch of three or more equal values
// written as "g N V" (the abbreviation every reader expands; a justified
// line of Han characters is mostly one value).
std::string delta_list(const std::vector<double>& values_pt) {
    std::vector<std::string> items;
    items.reserve(values_pt.size());
    for (double v : values_pt) {
        std::string s;
        append_num(s, v * kMmPerPt);
        items.push_back(std::move(s));
    }
    std::string out;
    for (std::size_t i = 0; i < items.size();) {
        std::size_t j = i;
        while (j < items.size() && items[j] == items[i]) ++j;
        if (!out.empty()) out += ' ';
        if (j - i >= 3) {
            out += "g " + std::to_string(j - i) + ' ' + items[i];
        } else {
            out += items[i];
            for (std::size_t k = i + 1; k < j; ++k) out += ' ' + items[k];
        }
        i = j;
    }
    return out;
}

std::string rgb(const Color& c) {
    auto channel = [](double v) { return std::to_string(static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255))); };
    return channel(c.r) + ' ' + channel(c.g) + ' ' + channel(c.b);
}

// UTF-16 code units: what readers that count that way (ofd.js, ofdrw) see.
std::size_t utf16_length(std::u32string_view text) {
    std::size_t n = 0;
    for (char32_t c : text) n += c >= 0x10000 ? 2 : 1;
    return n;
}

// A cluster of a glyph run: its characters and glyphs [first, last).
struct Cluster {
    std::u32string_view text;
    std::size_t first = 0, last = 0;
};

class PageWriter {
public:
    PageWriter(Resources& res, pugi::xml_node layer) : res_(res), layer_(layer) {}

    void text(const GlyphRun& run) {
        OfdFont& font = res_.font(*run.face);
        // The clusters, in order: a glyph with text starts one, the glyphs
        // after it without text belong to it.
        std::vector<Cluster> clusters;
        for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
            if (clusters.empty() || !run.texts[i].empty()) clusters.push_back({run.texts[i], i, i + 1});
            else clusters.back().last = i + 1;
        }
        std::size_t begin = 0;  // first cluster of the object being gathered
        auto flush = [&](std::size_t end) {
            write_text(run, font, clusters, begin, end);
            begin = end;
        };
        for (std::size_t k = 0; k < clusters.size(); ++k) {
            const Cluster& c = clusters[k];
            const double y = offset(run, c.first);
            const bool simple = c.text.size() == 1 && c.last - c.first == 1 && c.text[0] < 0x10000;
            if (!simple) {
                flush(k);
                flush(k + 1);  // the cluster alone
            } else if (k > begin && y != offset(run, clusters[k - 1].first)) {
                flush(k);  // a new baseline offset
            }
        }
        flush(clusters.size());
    }

    void rule(const Rule& r) {
        const double half = r.width / 2;
        const double x = std::min(r.x1, r.x2) - half, y = std::min(r.y1, r.y2) - half;
        auto path = object("ofd:PathObject", x, y, std::abs(r.x2 - r.x1) + r.width, std::abs(r.y2 - r.y1) + r.width);
        xml::set(path, "LineWidth", mm(r.width));
        xml::set(path.append_child("ofd:StrokeColor"), "Value", rgb(r.color));
        path.append_child("ofd:AbbreviatedData")
            .text()
            .set(("M " + mm(r.x1 - x) + ' ' + mm(r.y1 - y) + " L " + mm(r.x2 - x) + ' ' + mm(r.y2 - y)).c_str());
    }

    void box(const Box& b) {
        auto path = object("ofd:PathObject", b.x, b.y, b.width, b.height);
        xml::set(path, "Stroke", "false");
        xml::set(path, "Fill", "true");
        xml::set(path.append_child("ofd:FillColor"), "Value", rgb(b.fill));
        const std::string w = mm(b.width), h = mm(b.height);
        path.append_child("ofd:AbbreviatedData").text().set(("M 0 0 L " + w + " 0 L " + w + ' ' + h + " L 0 " + h + " C").c_str());
    }

    // The picture is drawn into the unit square, which CTM stretches over
    // the boundary.
    void image(const PlacedImage& im) {
        OfdImage& resource = res_.image(im.data);
        auto node = object("ofd:ImageObject", im.x, im.y, im.width, im.height);
        xml::set(node, "CTM", mm(im.width) + " 0 0 " + mm(im.height) + " 0 0");
        xml::set(node, "ResourceID", std::to_string(resource.id));
    }

private:
    static double offset(const GlyphRun& run, std::size_t glyph) { return run.ys.empty() ? 0 : run.ys[glyph]; }

    pugi::xml_node object(const char* kind, double x, double y, double w, double h) {
        auto node = layer_.append_child(kind);
        xml::set(node, "ID", std::to_string(res_.new_id()));
        xml::set(node, "Boundary", box_mm(x, y, w, h));
        return node;
    }

    // Clusters [begin, end) of `run` as one text object.
    void write_text(const GlyphRun& run, OfdFont& font, const std::vector<Cluster>& clusters, std::size_t begin,
                    std::size_t end) {
        while (begin < end && clusters[begin].text == U" ") ++begin;
        while (end > begin && clusters[end - 1].text == U" ") --end;
        if (begin == end) return;
        const std::size_t first = clusters[begin].first, last = clusters[end - 1].last;

        std::u32string text;
        std::vector<std::uint32_t> glyphs;
        for (std::size_t k = begin; k < end; ++k) {
            text += clusters[k].text;
            for (std::size_t g = clusters[k].first; g < clusters[k].last; ++g) {
                glyphs.push_back(run.glyphs[g]);
                font.use(run.glyphs[g], g == clusters[k].first ? clusters[k].text : std::u32string_view());
            }
        }
        // Advances from each glyph to the next; a lone cluster of several
        // characters adds zeros up to one per UTF-16 unit, so that readers
        // that count units place every character and drop none.
        std::vector<double> dx, dy;
        for (std::size_t g = first + 1; g < last; ++g) {
            dx.push_back(run.xs[g] - run.xs[g - 1]);
            dy.push_back(offset(run, g - 1) - offset(run, g));
        }
        const std::size_t units = utf16_length(text);
        if (units > glyphs.size()) dx.resize(units - 1, 0);
        const bool shifted = std::any_of(dy.begin(), dy.end(), [](double v) { return v != 0; });
        dy.resize(dx.size(), 0);

        // The boundary clips: the em box and more, so no ink is cut.
        const double size = run.size;
        const double left = run.x + run.xs[first] - size / 2;
        const double right = run.x + run.xs[last - 1] + font.face().advance(run.glyphs[last - 1]) * size + size / 2;
        const double baseline = run.y - offset(run, first);
        const double top = baseline - std::max(font.face().ascender(), 1.0) * size - size / 4;
        const double bottom = baseline + std::max(-font.face().descender(), 0.25) * size + size / 4;
        double low = 0, high = 0;  // glyphs shifted off the baseline
        for (std::size_t g = first; g < last; ++g) {
            low = std::min(low, offset(run, g) - offset(run, first));
            high = std::max(high, offset(run, g) - offset(run, first));
        }
        auto node = object("ofd:TextObject", left, top - high, right - left, bottom - top + high - low);
        xml::set(node, "Font", std::to_string(font.id()));
        xml::set(node, "Size", mm(size));
        xml::set(node.append_child("ofd:FillColor"), "Value", rgb(run.color));
        // One character beyond U+FFFF drawn with the glyph its font's cmap
        // gives it needs no CGTransform: nothing then depends on how a
        // reader counts it.
        const bool by_cmap = text.size() == 1 && glyphs.size() == 1 && font.face().nominal_glyph(text[0]) == glyphs[0];
        if (!by_cmap) {
            auto cg = node.append_child("ofd:CGTransform");
            xml::set(cg, "CodePosition", "0");
            xml::set(cg, "CodeCount", std::to_string(text.size()));
            xml::set(cg, "GlyphCount", std::to_string(glyphs.size()));
            std::string ids;
            for (std::uint32_t g : glyphs) {
                if (!ids.empty()) ids += ' ';
                ids += std::to_string(g);
            }
            cg.append_child("ofd:Glyphs").text().set(ids.c_str());
        }
        auto code = node.append_child("ofd:TextCode");
        xml::set(code, "X", mm(run.x + run.xs[first] - left));
        xml::set(code, "Y", mm(baseline - (top - high)));
        if (!dx.empty()) xml::set(code, "DeltaX", delta_list(dx));
        if (shifted) xml::set(code, "DeltaY", delta_list(dy));
        code.text().set(utf8::encode(text).c_str());
    }

    Resources& res_;
    pugi::xml_node layer_;
};

}  // namespace

std::string box_mm(double x, double y, double w, double h) {
    return numbers({x * kMmPerPt, y * kMmPerPt, w * kMmPerPt, h * kMmPerPt});
}

std::string page_content(const Page& page, Resources& resources, bool area) {
    pugi::xml_document doc;
    xml::declare(doc);
    auto root = doc.append_child("ofd:Page");
    xml::set(root, "xmlns:ofd", "http://www.ofdspec.org/2016");
    if (area) root.append_child("ofd:Area").append_child("ofd:PhysicalBox").text().set(box_mm(0, 0, page.width, page.height).c_str());
    auto layer = root.append_child("ofd:Content").append_child("ofd:Layer");
    xml::set(layer, "ID", std::to_string(resources.new_id()));
    PageWriter writer(resources, layer);
    for (const PageElement& el : page.elements) {
        if (const auto* run = std::get_if<GlyphRun>(&el)) writer.text(*run);
        else if (const auto* rule = std::get_if<Rule>(&el)) writer.rule(*rule);
        else if (const auto* box = std::get_if<Box>(&el)) writer.box(*box);
        else if (const auto* image = std::get_if<PlacedImage>(&el)) writer.image(*image);
    }
    if (!layer.first_child()) root.remove_child("ofd:Content");  // a Layer needs no child, but Content needs a Layer
    return xml::serialize(doc);
}

}  // namespace bulletin::ofd
