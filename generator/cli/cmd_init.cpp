// bulletin init: a commented starting file that shows every key of the
// input (../shared/spec/bulletin-yaml.md), ready to fill in. It validates
// as written (tests/e2e/cli_init.sh renders it), and is never written over
// an existing file.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "support/output_set.hpp"

namespace bulletin::cli {

namespace {

constexpr const char* kStartingFile = R"(# A bulletin (重点建议/重点提案办理情况): fill in, delete what you do not need, then
#   bulletin validate THIS.yaml          every problem, as FILE:LINE:COLUMN
#   bulletin render THIS.yaml -o out.pdf -o out.docx
# Values are plain text; in a | block each line is a paragraph; **加粗** is bold.
# An editor with a YAML language server checks and completes the keys when
#   bulletin schema -o bulletin.schema.json
# is next to this file and its first line reads
#   # yaml-language-server: $schema=bulletin.schema.json
bulletin:
  title: 市十八届人大三次会议代表重点建议办理情况   # required; a space = a line break in a newspaper headline
  subtitle: 关于2024年度重点建议办理工作的报告       # optional
  kicker: 聚焦民生实事                              # optional 引题 (newspaper)
  issuer: 某某市人大常委会                           # optional: who publishes it (落款)
  session: 市十八届人大三次会议                      # optional
  year: 2024                                         # optional
  date: 2025-01-20                                   # optional, YYYY-MM-DD
  column: {name: 人大之窗, latin: RENDAZHICHUANG}     # optional newspaper column / masthead
  byline: {reporter: 张三, photographer: 李四}         # optional
  layout: official                                   # optional: official | table | newspaper | a layout file
  summary: auto                                      # optional: print 件数, A/B/C/D and 满意率 from the items
  labels:                                            # optional: the words in front of fields
    progress: 主要工作进展
intro: |
  导语：一行一段。
groups:                          # groups with their items, or `items:` directly (not both)
  - title: 推进低效工业用地整治 助力经济高质量发展
    label: 第一方面重点建议        # optional; generated when left out
    items:
      - seq: 1                     # optional 序号
        number: 12                 # optional 建议号/提案号: （第12号）
        title: 关于优化法院立案环节诉源治理措施的建议   # required
        kind: 建议                 # optional: 建议 | 提案 | 议案
        proposers: [王五]          # 领衔代表 / 提案人
        seconders: [赵六, 钱七]    # 附议人
        leaders:                   # 领办领导: a name, or name and position
          - {name: 吴传档, position: 副市长}
        supervisors: [孙八]        # 督办领导
        hosts: [法院]              # 主办单位
        cohosts: [司法局]          # 协办单位
        result: A                  # 办理结果分类: A | B | C | D
        satisfaction: 满意         # 满意 | 基本满意 | 不满意
        replied: 2024-06-30        # 答复日期
        reply_ref: 义法函〔2024〕12号   # 答复文号
        progress: |
          一是严格规范程序。
          二是优化调解流程。
        next_steps: |
          一是深化系统治理。
        related:                   # 相关建议/提案: each like an item
          - {number: 13, title: 关于完善多元解纷机制的建议}
        note: 备注，可不填。
        # images: [{file: photo.jpg, caption: 图片说明}]   # PNG or JPEG, beside this file
sections:                        # optional prose sections after the items (work reports)
  - title: 下一步工作安排
    body: |
      正文一行一段。
closing: |
  以上报告，请予审议。
)";

}  // namespace

int run_init(const std::string& output) {
    if (output.empty()) {
        std::cout << kStartingFile;
        return kOk;
    }
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(output, ec))) {
        std::cerr << fmt::format("bulletin init: {} exists: nothing written (init never replaces a file)\n", output);
        return kInputError;
    }
    try {
        OutputSet outputs;
        outputs.add(output).write(kStartingFile);
        outputs.commit();
    } catch (const OutputError& e) {
        std::cerr << "bulletin init: " << e.what() << "\n";
        return kInputError;
    }
    std::cout << fmt::format("{}: written\n", output);
    return kOk;
}

}  // namespace bulletin::cli
