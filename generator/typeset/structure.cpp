#include "typeset/structure.hpp"

namespace bulletin {

const char* role_name(StructRole role) {
    switch (role) {
        case StructRole::kDocument: return "Document";
        case StructRole::kH1: return "H1";
        case StructRole::kH2: return "H2";
        case StructRole::kH3: return "H3";
        case StructRole::kH4: return "H4";
        case StructRole::kP: return "P";
        case StructRole::kSpan: return "Span";
        case StructRole::kFigure: return "Figure";
        case StructRole::kTable: return "Table";
        case StructRole::kTHead: return "THead";
        case StructRole::kTBody: return "TBody";
        case StructRole::kTR: return "TR";
        case StructRole::kTH: return "TH";
        case StructRole::kTD: return "TD";
    }
    return "P";
}

StructRole paragraph_role(int outline_level) {
    switch (outline_level) {
        case 0: return StructRole::kP;
        case -1: return StructRole::kP;
        case 1: return StructRole::kH1;
        case 2: return StructRole::kH2;
        case 3: return StructRole::kH3;
        default: return StructRole::kH4;
    }
}

}  // namespace bulletin
