//! The agreement editor's texts in three languages, and the translation of the agreement's
//! validation and parse problems (pure functions, unit-tested below).

use crate::i18n::Lang;
use crate::state::agreement::{FieldProblem, ImportProblem};
use chrono::Weekday;
use sla_core::model::{AgreementError, SpanError, AGREEMENT_SCHEMA};

crate::messages! { AgreementMsg;
    EditorLabel => ["Edit the agreement", "編輯協議", "编辑协议"],
    AllValid => ["Every field is valid.", "所有欄位皆有效。", "所有字段均有效。"],
    ProblemsSuffix => ["problem(s) to fix; each is shown next to its field.", "個問題待修正，已標示於各欄位旁。", "个问题待修正，已标注在各字段旁。"],
    Problems => ["problem(s)", "個問題", "个问题"],
    // Groups
    GroupParties => ["Parties & version", "當事方與版本", "当事方与版本"],
    GroupHours => ["Time zone & service hours", "時區與服務時間", "时区与服务时间"],
    GroupPeriod => ["Measurement period & target", "量測週期與目標", "测量周期与目标"],
    GroupPriorities => ["Priorities", "優先級", "优先级"],
    GroupMaintenance => ["Maintenance", "維護時段", "维护时段"],
    GroupImpact => ["Impact weighting", "影響權重", "影响权重"],
    GroupCredits => ["Credits", "服務抵扣", "服务抵扣"],
    GroupPresets => ["Presets", "預設範本", "预设模板"],
    GroupImportExport => ["Import / export", "匯入／匯出", "导入／导出"],
    // Parties
    Service => ["Service", "服務", "服务"],
    Provider => ["Provider", "供應商", "供应商"],
    Customer => ["Customer", "客戶", "客户"],
    Version => ["Agreement version", "協議版本", "协议版本"],
    EffectiveDate => ["Effective date", "生效日期", "生效日期"],
    // Hours
    TimeZone => ["Time zone (IANA name)", "時區（IANA 名稱）", "时区（IANA 名称）"],
    TimeZoneHint => [
        "Periods, service hours, holidays and maintenance are read in this zone, with its daylight-saving rules.",
        "週期、服務時間、假日與維護時段皆以此時區（含日光節約時間規則）計算。",
        "周期、服务时间、节假日与维护时段均按此时区（含夏令时规则）计算。"
    ],
    AvailabilityHours => ["Availability hours (service time)", "可用性量測時間（服務時間）", "可用性测量时间（服务时间）"],
    SupportHours => ["Support hours (for service-hours clocks)", "支援時間（供服務時間計時使用）", "支持时间（用于服务时间计时）"],
    Hours => ["Hours", "時間", "时间"],
    AroundTheClock => ["24×7", "全天候 24×7", "全天候 24×7"],
    WeeklyWindows => ["Weekly windows", "每週時段", "每周时段"],
    Window => ["Window", "時段", "时段"],
    Days => ["Days", "星期", "星期"],
    Start => ["Start", "開始", "开始"],
    End => ["End", "結束", "结束"],
    TimeHint => ["HH:MM, 24:00 for midnight", "HH:MM，午夜請填 24:00", "HH:MM，午夜请填 24:00"],
    AddWindow => ["Add window", "新增時段", "添加时段"],
    Remove => ["Remove", "移除", "移除"],
    Holidays => ["Holidays (whole days that do not count)", "假日（整天不計入）", "节假日（整天不计入）"],
    NoHolidays => ["No holidays.", "無假日。", "无节假日。"],
    NewHoliday => ["New holiday", "新增假日日期", "新增节假日日期"],
    AddHoliday => ["Add holiday", "加入假日", "添加节假日"],
    // Period & target
    Period => ["Measurement period", "量測週期", "测量周期"],
    Month => ["Calendar month", "日曆月", "自然月"],
    Quarter => ["Calendar quarter", "日曆季", "自然季度"],
    Year => ["Calendar year", "日曆年", "自然年"],
    Custom => ["Custom (one period)", "自訂（單一週期）", "自定义（单一周期）"],
    FirstDay => ["First day", "第一天", "第一天"],
    LastDay => ["Last day (included)", "最後一天（含）", "最后一天（含）"],
    // Priorities
    Priority => ["Priority", "優先級", "优先级"],
    Name => ["Name", "名稱", "名称"],
    RespondWithin => ["Respond within", "回應時限", "响应时限"],
    ResolveWithin => ["Resolve within", "解決時限", "解决时限"],
    Clock => ["Clock", "計時方式", "计时方式"],
    ServiceHoursClock => ["Support hours", "支援時間內", "支持时间内"],
    AroundTheClockClock => ["24×7", "24×7 全天", "24×7 全天"],
    PenaltyPerBreach => ["Penalty per breach", "每次違約罰款", "每次违约罚款"],
    SpanHint => [
        "e.g. 15m, 4h, 1h 30m, 2d; empty for no target",
        "例如 15m、4h、1h 30m、2d；留空表示不設目標",
        "例如 15m、4h、1h 30m、2d；留空表示不设目标"
    ],
    AddPriority => ["Add priority", "新增優先級", "添加优先级"],
    NoPriorities => ["No priority targets.", "尚無優先級目標。", "尚无优先级目标。"],
    // Maintenance
    NoMaintenance => ["No maintenance windows.", "尚無維護時段。", "尚无维护时段。"],
    OneOff => ["One-off", "單次", "单次"],
    Weekly => ["Weekly", "每週", "每周"],
    Title => ["Title", "標題", "标题"],
    AddOneOff => ["Add one-off window", "新增單次維護", "添加单次维护"],
    AddWeekly => ["Add weekly window", "新增每週維護", "添加每周维护"],
    LocalTimeNote => [
        "Times are local to the agreement's time zone.",
        "時間以協議時區的當地時間為準。",
        "时间以协议时区的当地时间为准。"
    ],
    // Impact
    PartialWeight => ["Partial outage counts as (%)", "部分中斷計入比例 (%)", "部分中断计入比例 (%)"],
    DegradedWeight => ["Degraded performance counts as (%)", "效能降級計入比例 (%)", "性能降级计入比例 (%)"],
    ImpactNote => [
        "A full outage always counts 100 %. 30 % for a partial outage is the status-page convention.",
        "完全中斷一律以 100 % 計入。部分中斷以 30 % 計入是狀態頁的慣例。",
        "完全中断一律按 100 % 计入。部分中断按 30 % 计入是状态页的惯例。"
    ],
    // Credits
    FeePerPeriod => ["Fee per period", "每週期費用", "每周期费用"],
    Currency => ["Currency", "幣別", "币种"],
    CapPercent => ["Cap (% of the fee)", "上限（費用的 %）", "上限（费用的 %）"],
    Minimum => ["Minimum credit issued", "最低抵扣金額", "最低抵扣金额"],
    Tiers => ["Credit tiers", "抵扣級距", "抵扣档位"],
    BelowPercent => ["Availability below (%)", "可用性低於 (%)", "可用性低于 (%)"],
    CreditPercent => ["Credit (% of the fee)", "抵扣（費用的 %）", "抵扣（费用的 %）"],
    Tier => ["Tier", "級距", "档位"],
    AddTier => ["Add tier", "新增級距", "添加档位"],
    NoTiers => ["No credit tiers: no credit is owed for availability.", "無抵扣級距：可用性不產生抵扣。", "无抵扣档位：可用性不产生抵扣。"],
    TiersNote => [
        "The lowest threshold the availability is under applies; exactly at a threshold is not under it.",
        "套用可用性所低於的最低門檻；剛好等於門檻不算低於。",
        "适用可用性所低于的最低门槛；恰好等于门槛不算低于。"
    ],
    // Presets
    PresetsNote => [
        "A preset changes only the fields it names; everything else is kept.",
        "範本只會變更它所列出的欄位，其餘保持不變。",
        "模板只会更改它所列出的字段，其余保持不变。"
    ],
    Preset247 => ["24×7, 99.9 %", "全天候 24×7，99.9 %", "全天候 24×7，99.9 %"],
    PresetBusiness => ["Business hours Mon–Fri 08:00–18:00, 99.5 %", "上班時間 週一至週五 08:00–18:00，99.5 %", "工作时间 周一至周五 08:00–18:00，99.5 %"],
    PresetCreditTables => ["Public cloud credit tables (target and tiers)", "公有雲抵扣表（目標與級距）", "公有云抵扣表（目标与档位）"],
    // Import / export
    ImportFile => ["Import an agreement file (.json)", "匯入協議檔案 (.json)", "导入协议文件 (.json)"],
    Export => ["Export agreement (JSON)", "匯出協議 (JSON)", "导出协议 (JSON)"],
    ImportExportNote => [
        "The exported file imports again here and works with the command line (sla report --agreement).",
        "匯出的檔案可再匯入此處，也可用於命令列（sla report --agreement）。",
        "导出的文件可再次导入此处，也可用于命令行（sla report --agreement）。"
    ],
    Imported => ["Agreement imported.", "已匯入協議。", "已导入协议。"],
    NotImported => ["The file was not imported; the current agreement is kept.", "檔案未匯入；目前的協議維持不變。", "文件未导入；当前协议保持不变。"],
}

fn pick(lang: Lang, en: String, hant: String, hans: String) -> String {
    match lang {
        Lang::En => en,
        Lang::ZhHant => hant,
        Lang::ZhHans => hans,
    }
}

/// Text in quotes in the language's style: `"x"`, `「x」`, `“x”`.
pub fn quoted(lang: Lang, s: &str) -> String {
    match lang {
        Lang::En => format!("\"{s}\""),
        Lang::ZhHant => format!("「{s}」"),
        Lang::ZhHans => format!("“{s}”"),
    }
}

/// A weekday's short name: `Mon`, `週一`, `周一`.
pub fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    let i = day.num_days_from_monday() as usize;
    match lang {
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
        Lang::ZhHant => ["週一", "週二", "週三", "週四", "週五", "週六", "週日"][i],
        Lang::ZhHans => ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][i],
    }
}

/// The weekdays Monday first.
pub const WEEK: [Weekday; 7] = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

/// The name of a quantity the core names in English in `PercentOutOfRange` and `BadAmount`.
fn what_text(what: &str, lang: Lang) -> String {
    let (hant, hans) = match what {
        "the availability target" => ("可用性目標", "可用性目标"),
        "the partial-outage weight" => ("部分中斷權重", "部分中断权重"),
        "the degraded weight" => ("效能降級權重", "性能降级权重"),
        "the credit cap" => ("抵扣上限", "抵扣上限"),
        "a tier threshold" => ("級距門檻", "档位门槛"),
        "a tier credit" => ("級距抵扣比例", "档位抵扣比例"),
        "the penalty per breach" => ("每次違約罰款", "每次违约罚款"),
        "the fee per period" => ("每週期費用", "每周期费用"),
        "the minimum credit" => ("最低抵扣金額", "最低抵扣金额"),
        _ => ("此數值", "此数值"),
    };
    pick(lang, what.to_string(), hant.to_string(), hans.to_string())
}

/// An agreement problem in `lang`. English is the error's own message, except that window
/// numbers count from 1 as the form shows them.
pub fn error_text(error: &AgreementError, lang: Lang) -> String {
    use AgreementError as E;
    let q = |s: &str| quoted(lang, s);
    match error {
        E::UnsupportedSchema(s) => pick(
            lang,
            error.to_string(),
            format!("此協議的格式為{}；本版本讀取{}", q(s), q(AGREEMENT_SCHEMA)),
            format!("此协议的格式为{}；本版本读取{}", q(s), q(AGREEMENT_SCHEMA)),
        ),
        E::UnknownTimeZone(s) => pick(
            lang,
            error.to_string(),
            format!("{}不是已知的時區；請使用 IANA 名稱，例如 Asia/Taipei、Asia/Hong_Kong 或 UTC", q(s)),
            format!("{}不是已知的时区；请使用 IANA 名称，例如 Asia/Shanghai、Europe/Berlin 或 UTC", q(s)),
        ),
        E::PercentOutOfRange { what, value } => pick(
            lang,
            error.to_string(),
            format!("{}必須介於 0 到 100 % 之間，而非 {value}", what_text(what, lang)),
            format!("{}必须介于 0 到 100 % 之间，而不是 {value}", what_text(what, lang)),
        ),
        E::TargetNotPositive => pick(lang, error.to_string(), "可用性目標必須大於 0 %".into(), "可用性目标必须大于 0 %".into()),
        E::EndsBeforeStart { start, end } => pick(
            lang,
            error.to_string(),
            format!("結束時間 {end} 沒有晚於開始時間 {start}"),
            format!("结束时间 {end} 没有晚于开始时间 {start}"),
        ),
        E::NoDays => pick(lang, error.to_string(), "此時段未套用於任何一天；請至少選擇一天".into(), "此时段未应用于任何一天；请至少选择一天".into()),
        E::OverlappingWindows { other, day } => pick(
            lang,
            format!("this window overlaps window {} on {}", other + 1, weekday_name(*day, lang)),
            format!("此時段在{}與時段 {} 重疊", weekday_name(*day, lang), other + 1),
            format!("此时段在{}与时段 {} 重叠", weekday_name(*day, lang), other + 1),
        ),
        E::NoWindows => pick(
            lang,
            error.to_string(),
            "每週時間至少需要一個時段；全天候請選擇 24×7".into(),
            "每周时间至少需要一个时段；全天候请选择 24×7".into(),
        ),
        E::PeriodEndsBeforeStart { first, last } => pick(
            lang,
            error.to_string(),
            format!("自訂週期的最後一天 {last} 早於第一天 {first}"),
            format!("自定义周期的最后一天 {last} 早于第一天 {first}"),
        ),
        E::DuplicateTier(v) => pick(
            lang,
            error.to_string(),
            format!("有兩個抵扣級距的門檻都是低於 {v} %；每個門檻只能出現一次"),
            format!("有两个抵扣档位的门槛都是低于 {v} %；每个门槛只能出现一次"),
        ),
        E::TiersOutOfOrder { lower, lower_credit, higher, higher_credit } => pick(
            lang,
            error.to_string(),
            format!("低於 {lower} % 的級距抵扣 {lower_credit} %，少於低於 {higher} % 級距的 {higher_credit} %；可用性越低，抵扣不可越少"),
            format!("低于 {lower} % 的档位抵扣 {lower_credit} %，少于低于 {higher} % 档位的 {higher_credit} %；可用性越低，抵扣不能越少"),
        ),
        E::BadAmount { what, value } => pick(
            lang,
            error.to_string(),
            format!("{}必須是 0 或以上的數字，而非 {value}", what_text(what, lang)),
            format!("{}必须是 0 或以上的数字，而不是 {value}", what_text(what, lang)),
        ),
        E::UnnamedPriority => pick(lang, error.to_string(), "優先級需要名稱，例如 P1".into(), "优先级需要名称，例如 P1".into()),
        E::DuplicatePriority(s) => pick(
            lang,
            error.to_string(),
            format!("優先級名稱{}重複使用", q(s)),
            format!("优先级名称{}重复使用", q(s)),
        ),
        E::UnnamedVersion => pick(lang, error.to_string(), "版本需要標籤，例如 2.0".into(), "版本需要标签，例如 2.0".into()),
        E::DuplicateVersion(s) => pick(
            lang,
            error.to_string(),
            format!("版本標籤{}重複使用", q(s)),
            format!("版本标签{}重复使用", q(s)),
        ),
        E::RevisionNotAfter { date, previous } => pick(
            lang,
            error.to_string(),
            format!("此版本於 {date} 生效，不晚於前一版本（{previous}）；各版本須依日期先後排列"),
            format!("此版本于 {date} 生效，不晚于前一版本（{previous}）；各版本须按日期先后排列"),
        ),
    }
}

fn span_error_text(error: &SpanError, lang: Lang) -> String {
    let q = |s: &str| quoted(lang, s);
    match error {
        SpanError::Empty => pick(lang, error.to_string(), "時長為空".into(), "时长为空".into()),
        SpanError::Negative(s) => pick(
            lang,
            error.to_string(),
            format!("時長{}為負數；時長必須為 0 或以上", q(s)),
            format!("时长{}为负数；时长必须为 0 或以上", q(s)),
        ),
        SpanError::Unreadable(s) => pick(
            lang,
            error.to_string(),
            format!("{}不是時長；請寫成 1h 30m、01:30:00 或 5400（秒）", q(s)),
            format!("{}不是时长；请写成 1h 30m、01:30:00 或 5400（秒）", q(s)),
        ),
        SpanError::TooLong(s) => pick(lang, error.to_string(), format!("時長{}超過 1000 年", q(s)), format!("时长{}超过 1000 年", q(s))),
    }
}

/// A field problem (parse or rule) in `lang`.
pub fn problem_text(problem: &FieldProblem, lang: Lang) -> String {
    let q = |s: &str| quoted(lang, s);
    match problem {
        FieldProblem::Empty => pick(lang, "enter a value".into(), "請輸入數值".into(), "请输入数值".into()),
        FieldProblem::NotANumber(s) => pick(
            lang,
            format!("{} is not a number; write it like 99.95", q(s)),
            format!("{}不是數字；請寫成 99.95 這樣的格式", q(s)),
            format!("{}不是数字；请写成 99.95 这样的格式", q(s)),
        ),
        FieldProblem::NotADate(s) => pick(
            lang,
            format!("{} is not a date; write it as YYYY-MM-DD", q(s)),
            format!("{}不是日期；請以 YYYY-MM-DD 格式填寫", q(s)),
            format!("{}不是日期；请按 YYYY-MM-DD 格式填写", q(s)),
        ),
        FieldProblem::NotADateTime(s) => pick(
            lang,
            format!("{} is not a date and time; write it as YYYY-MM-DD HH:MM", q(s)),
            format!("{}不是日期時間；請以 YYYY-MM-DD HH:MM 格式填寫", q(s)),
            format!("{}不是日期时间；请按 YYYY-MM-DD HH:MM 格式填写", q(s)),
        ),
        FieldProblem::Time(e) => pick(
            lang,
            e.to_string(),
            format!("{}不是時刻；請以 HH:MM 格式填寫，介於 00:00 到 24:00", q(&e.0)),
            format!("{}不是时刻；请按 HH:MM 格式填写，介于 00:00 到 24:00", q(&e.0)),
        ),
        FieldProblem::Span(e) => span_error_text(e, lang),
        FieldProblem::Rule(e) => error_text(e, lang),
    }
}

/// Why an import was refused, in `lang`, with the line and column when known.
pub fn import_problem_text(problem: &ImportProblem, lang: Lang) -> String {
    match problem {
        ImportProblem::Syntax { line, column, message } => pick(
            lang,
            format!("line {line}, column {column}: {message}"),
            format!("第 {line} 行第 {column} 欄：{message}"),
            format!("第 {line} 行第 {column} 列：{message}"),
        ),
        ImportProblem::Schema(e) => error_text(e, lang),
        ImportProblem::Read(message) => pick(
            lang,
            format!("the file could not be read: {message}"),
            format!("無法讀取檔案：{message}"),
            format!("无法读取文件：{message}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sla_core::model::TimeOfDayError;

    #[test]
    fn every_message_has_three_non_empty_texts() {
        for m in AgreementMsg::ALL {
            for l in Lang::ALL {
                assert!(!m.text(l).trim().is_empty(), "{m:?} in {l:?}");
            }
        }
    }

    #[test]
    fn errors_are_translated_and_english_keeps_the_core_message() {
        let e = AgreementError::PercentOutOfRange { what: "the availability target", value: 100.5 };
        assert_eq!(error_text(&e, Lang::En), e.to_string());
        assert_eq!(error_text(&e, Lang::ZhHant), "可用性目標必須介於 0 到 100 % 之間，而非 100.5");
        assert!(error_text(&e, Lang::ZhHans).starts_with("可用性目标必须介于"));
        let o = AgreementError::OverlappingWindows { other: 0, day: Weekday::Mon };
        assert_eq!(error_text(&o, Lang::En), "this window overlaps window 1 on Mon");
        assert!(error_text(&o, Lang::ZhHant).contains("週一"));
        let tz = AgreementError::UnknownTimeZone("Mars/Olympus".into());
        assert!(error_text(&tz, Lang::ZhHant).contains("「Mars/Olympus」"));
        assert!(error_text(&tz, Lang::ZhHans).contains("“Mars/Olympus”"));
    }

    #[test]
    fn every_error_variant_has_chinese_text() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        let all = [
            AgreementError::UnsupportedSchema("x/2".into()),
            AgreementError::UnknownTimeZone("X".into()),
            AgreementError::PercentOutOfRange { what: "something new", value: 1.0 },
            AgreementError::TargetNotPositive,
            AgreementError::EndsBeforeStart { start: "18:00".into(), end: "08:00".into() },
            AgreementError::NoDays,
            AgreementError::OverlappingWindows { other: 1, day: Weekday::Sun },
            AgreementError::NoWindows,
            AgreementError::PeriodEndsBeforeStart { first: d, last: d },
            AgreementError::DuplicateTier(99.0),
            AgreementError::TiersOutOfOrder { lower: 95.0, lower_credit: 10.0, higher: 99.0, higher_credit: 25.0 },
            AgreementError::BadAmount { what: "the fee per period", value: -1.0 },
            AgreementError::UnnamedPriority,
            AgreementError::DuplicatePriority("P1".into()),
        ];
        for e in &all {
            for lang in [Lang::ZhHant, Lang::ZhHans] {
                let t = error_text(e, lang);
                assert!(!t.is_empty() && t != e.to_string(), "{e:?} {lang:?}");
                assert!(t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{t}");
            }
        }
        assert!(error_text(&all[2], Lang::ZhHant).starts_with("此數值"));
    }

    #[test]
    fn parse_problems_read_naturally() {
        let p = FieldProblem::NotANumber("99.x".into());
        assert!(problem_text(&p, Lang::En).contains("not a number"));
        assert!(problem_text(&p, Lang::ZhHant).contains("不是數字"));
        let t = FieldProblem::Time(TimeOfDayError("25:00".into()));
        assert!(problem_text(&t, Lang::En).contains("HH:MM"));
        assert!(problem_text(&t, Lang::ZhHans).contains("“25:00”不是时刻"));
        let s = FieldProblem::Span(SpanError::Unreadable("soon".into()));
        assert!(problem_text(&s, Lang::ZhHant).contains("「soon」不是時長"));
        let i = ImportProblem::Syntax { line: 3, column: 7, message: "expected value".into() };
        assert_eq!(import_problem_text(&i, Lang::En), "line 3, column 7: expected value");
        assert_eq!(import_problem_text(&i, Lang::ZhHant), "第 3 行第 7 欄：expected value");
    }
}
