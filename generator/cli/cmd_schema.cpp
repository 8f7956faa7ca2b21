// bulletin schema: the JSON Schema of the input (model/json_schema.hpp), to
// standard output or to a file (replaced whole, or left as it was).
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "model/json_schema.hpp"
#include "support/output_set.hpp"

namespace bulletin::cli {

int run_schema(const std::string& output) {
    const std::string schema = input_json_schema();
    if (output.empty()) {
        std::cout << schema;
        return kOk;
    }
    try {
        OutputSet outputs;
        outputs.add(output).write(schema);
        outputs.commit();
    } catch (const OutputError& e) {
        std::cerr << "bulletin schema: " << e.what() << "\n";
        return kInputError;
    }
    std::cout << fmt::format("{}: written\n", output);
    return kOk;
}

}  // namespace bulletin::cli
