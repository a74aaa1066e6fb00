//! The quick calculators' texts in three languages, and the pure functions that word their
//! figures and errors: durations with fractions of a second, period names, the period
//! convention as a sentence, field errors and located composite errors.

use crate::i18n::Lang;
use crate::state::calc::inputs::{FieldError, LocatedError, PathStep};
use crate::state::calc::GroupKind;
use sla_core::calc::{format_duration, format_percent, Convention, PeriodKind};

crate::messages! { CalcMsg;
    Title => ["Quick calculators", "快速計算器", "快速计算器"],
    Intro => [
        "Answers without uploading anything: allowed downtime, availability from downtime, service hours and composite availability.",
        "不必上傳任何資料即可得到答案：允許停機時間、由停機時間換算可用性、服務時段及組合可用性。",
        "无需上传任何数据即可得到答案：允许停机时间、由停机时间换算可用性、服务时段及组合可用性。"
    ],
    ChooseCalculator => ["Choose a calculator", "選擇計算器", "选择计算器"],
    TabDowntime => ["Allowed downtime", "允許停機時間", "允许停机时间"],
    TabReverse => ["Downtime → availability", "停機時間 → 可用性", "停机时间 → 可用性"],
    TabHours => ["Service hours", "服務時段", "服务时段"],
    TabComposite => ["Composite availability", "組合可用性", "组合可用性"],
    TargetLabel => ["Availability target (%)", "可用性目標 (%)", "可用性目标 (%)"],
    ConventionLabel => ["Length of a month and year", "月與年的長度", "月与年的长度"],
    ConvThirty => ["30-day month, 365-day year", "每月 30 天、每年 365 天", "每月 30 天、每年 365 天"],
    ConvMean => ["Mean Gregorian year (as uptime.is)", "平均公曆年（與 uptime.is 相同）", "平均公历年（与 uptime.is 相同）"],
    ConvCalendar => ["Exact calendar period in a time zone", "指定時區的實際日曆週期", "指定时区的实际日历周期"],
    DateLabel => ["A date inside the period", "週期內的任一日期", "周期内的任一日期"],
    ZoneLabel => ["Time zone (IANA name)", "時區（IANA 名稱）", "时区（IANA 名称）"],
    SentenceThirty => [
        "Convention: 30-day month and 365-day year; a quarter is 91.25 days, a week 7 days, a day 24 hours.",
        "計算方式：每月 30 天、每年 365 天；每季 91.25 天、每週 7 天、每日 24 小時。",
        "计算方式：每月 30 天、每年 365 天；每季度 91.25 天、每周 7 天、每天 24 小时。"
    ],
    SentenceMean => [
        "Convention: mean Gregorian year of 365.2425 days; a month is a twelfth of it (30.436875 days), a quarter a quarter of it (91.310625 days), a week 7 days, a day 24 hours (as on uptime.is).",
        "計算方式：平均公曆年 365.2425 天；每月為其十二分之一（30.436875 天），每季為其四分之一（91.310625 天），每週 7 天、每日 24 小時（與 uptime.is 相同）。",
        "计算方式：平均公历年 365.2425 天；每月为其十二分之一（30.436875 天），每季度为其四分之一（91.310625 天），每周 7 天、每天 24 小时（与 uptime.is 相同）。"
    ],
    SentenceCalendarBefore => [
        "Convention: the exact calendar periods containing",
        "計算方式：包含以下日期的實際日曆週期：",
        "计算方式：包含以下日期的实际日历周期："
    ],
    SentenceCalendarIn => ["in", "，時區", "，时区"],
    SentenceCalendarAfter => [
        ": months of 28–31 days, ISO weeks from Monday, days of 23 or 25 hours when daylight saving time changes.",
        "：每月 28–31 天，ISO 週從星期一開始，夏令時間切換當日為 23 或 25 小時。",
        "：每月 28–31 天，ISO 周从星期一开始，夏令时切换当天为 23 或 25 小时。"
    ],
    Period => ["Period", "週期", "周期"],
    Dates => ["Dates", "日期", "日期"],
    Length => ["Length", "長度", "长度"],
    MeasuredTime => ["Measured time", "計量時間", "计量时间"],
    AllowedDowntime => ["Allowed downtime", "允許停機時間", "允许停机时间"],
    Day => ["Day", "日", "日"],
    Week => ["Week", "週", "周"],
    Month => ["Month", "月", "月"],
    Quarter => ["Quarter", "季", "季度"],
    Year => ["Year", "年", "年"],
    DowntimeLabel => ["Downtime (e.g. 3h 10m or 13m 37s)", "停機時間（例如 3h 10m 或 13m 37s）", "停机时间（例如 3h 10m 或 13m 37s）"],
    OverPeriodLabel => ["Over one", "期間", "期间"],
    AvailabilityIs => ["Availability", "可用性", "可用性"],
    DowntimeOf => ["downtime out of", "停機，總時間", "停机，总时间"],
    HoursLegend => [
        "Hours measured on each weekday (0 = not measured)",
        "每個星期幾計量的時數（0 = 不計量）",
        "每周各天计量的小时数（0 = 不计量）"
    ],
    HoursPerWeek => ["hours measured per week", "每週計量時數", "每周计量小时数"],
    HoursNote => [
        "Under the fixed conventions a month holds month/week weeks of these hours; under the calendar convention each day of the period counts its own weekday's hours.",
        "在固定長度的計算方式下，每月包含「月長度 ÷ 週長度」週的上述時數；在日曆計算方式下，週期內每一天依其星期幾計入對應時數。",
        "在固定长度的计算方式下，每月包含“月长度 ÷ 周长度”周的上述小时数；在日历计算方式下，周期内每一天按其星期几计入对应小时数。"
    ],
    Monday => ["Monday", "星期一", "星期一"],
    Tuesday => ["Tuesday", "星期二", "星期二"],
    Wednesday => ["Wednesday", "星期三", "星期三"],
    Thursday => ["Thursday", "星期四", "星期四"],
    Friday => ["Friday", "星期五", "星期五"],
    Saturday => ["Saturday", "星期六", "星期六"],
    Sunday => ["Sunday", "星期日", "星期日"],
    Overall => ["Overall availability", "整體可用性", "整体可用性"],
    CompositeHelp => [
        "In series every component is needed (availabilities multiply); in parallel any one suffices (1 − Π(1 − A)); the same deployment in R regions gives 1 − (1 − A)^R.",
        "串聯時每個元件都必須正常（可用性相乘）；並聯時任一正常即可（1 − Π(1 − A)）；相同部署於 R 個區域時為 1 − (1 − A)^R。",
        "串联时每个组件都必须正常（可用性相乘）；并联时任一正常即可（1 − Π(1 − A)）；相同部署于 R 个区域时为 1 − (1 − A)^R。"
    ],
    Series => ["In series: all needed", "串聯：全部都需要", "串联：全部都需要"],
    Parallel => ["In parallel: any one suffices", "並聯：任一即可", "并联：任一即可"],
    GroupType => ["Group type", "群組類型", "组类型"],
    SameInRegions => ["Same deployment in several regions", "相同部署於多個區域", "相同部署于多个区域"],
    RegionCount => ["Number of regions", "區域數量", "区域数量"],
    Name => ["Name", "名稱", "名称"],
    ComponentAvailability => ["Availability (%)", "可用性 (%)", "可用性 (%)"],
    AddComponent => ["Add component", "新增元件", "添加组件"],
    AddSeriesGroup => ["Add series group", "新增串聯群組", "添加串联组"],
    AddParallelGroup => ["Add parallel group", "新增並聯群組", "添加并联组"],
    Remove => ["Remove", "移除", "移除"],
    DeployInRegions => ["Deploy in several regions", "部署到多個區域", "部署到多个区域"],
    SingleRegion => ["Back to one region", "改回單一區域", "改回单一区域"],
    ResetExample => ["Reset the example", "重設範例", "重置示例"],
    NodeAvailability => ["availability", "可用性", "可用性"],
    NotComputed => ["not computed: fix the fields below", "無法計算：請修正下方欄位", "无法计算：请修正下方字段"],
    FixFields => [
        "No answer yet: fix the fields marked above.",
        "尚無結果：請修正上方標示的欄位。",
        "尚无结果：请修正上方标出的字段。"
    ],
    ErrorMark => ["Error:", "錯誤：", "错误："],
    ErrEmpty => ["enter a value", "請輸入數值", "请输入数值"],
    ErrNotANumber => ["is not a number", "不是數字", "不是数字"],
    ErrAboveHundred => ["is above 100 %", "超過 100 %", "超过 100 %"],
    ErrBelowZero => ["is below 0", "小於 0", "小于 0"],
    ErrAboveDayHours => ["is above 24 hours", "超過 24 小時", "超过 24 小时"],
    ErrNotADuration => [
        "is not a duration; write it like 3h 10m, 01:30:00 or 5400 (seconds)",
        "不是有效的時長；請寫成 3h 10m、01:30:00 或 5400（秒）",
        "不是有效的时长；请写成 3h 10m、01:30:00 或 5400（秒）"
    ],
    ErrNegativeDuration => ["is negative; a downtime is zero or more", "是負數；停機時間必須大於或等於零", "是负数；停机时间必须大于或等于零"],
    ErrDurationTooLong => ["is longer than 1000 years", "超過 1000 年", "超过 1000 年"],
    ErrExceedsPeriod => ["the downtime is longer than the period", "停機時間比週期還長", "停机时间比周期还长"],
    ErrNotADate => ["is not a date; use YYYY-MM-DD", "不是日期；請使用 YYYY-MM-DD 格式", "不是日期；请使用 YYYY-MM-DD 格式"],
    ErrDateOutOfRange => ["is outside the supported dates", "超出支援的日期範圍", "超出支持的日期范围"],
    ErrUnknownZone => [
        "is not a known time zone; use an IANA name such as Europe/Berlin, Asia/Taipei or UTC",
        "不是已知的時區；請使用 IANA 名稱，例如 Asia/Taipei、Asia/Hong_Kong 或 UTC",
        "不是已知的时区；请使用 IANA 名称，例如 Asia/Shanghai、Asia/Singapore 或 UTC"
    ],
    ErrNotACount => ["is not a whole number of 1 or more", "不是大於或等於 1 的整數", "不是大于或等于 1 的整数"],
    ErrNoServiceHours => [
        "every day is 0: enter the hours measured on at least one weekday",
        "每天都是 0：請至少為一天輸入計量時數",
        "每天都是 0：请至少为一天输入计量小时数"
    ],
    ErrEmptyGroup => [
        "this group has no components; add one or remove the group",
        "此群組沒有元件；請新增元件或移除群組",
        "此组没有组件；请添加组件或移除该组"
    ],
    ErrTooDeep => ["the components are nested too deeply", "元件巢狀層數過多", "组件嵌套层数过多"],
    TopLevel => ["top level", "最上層", "最上层"],
    SeriesItem => ["series item", "串聯第", "串联第"],
    ParallelItem => ["parallel item", "並聯第", "并联第"],
    ItemSuffix => ["", "項", "项"],
    RegionsDeployment => ["deployment in each region", "各區域的部署", "各区域的部署"],
}

/// Quotes typed text the way each language does: `'3 hrs 10'`, `「3 hrs 10」`, `“3 hrs 10”`.
pub fn quote(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => format!("'{text}'"),
        Lang::ZhHant => format!("「{text}」"),
        Lang::ZhHans => format!("“{text}”"),
    }
}

/// A duration in seconds with up to one decimal of a second, in the language's units:
/// `43m 49.7s`, `43 分 49.7 秒`. Built on `sla_core::calc::format_duration`.
pub fn duration_text(lang: Lang, seconds: f64) -> String {
    let english = format_duration(seconds);
    let units = match lang {
        Lang::En => return english,
        Lang::ZhHant => [("d", "天"), ("h", "小時"), ("m", "分"), ("s", "秒")],
        Lang::ZhHans => [("d", "天"), ("h", "小时"), ("m", "分"), ("s", "秒")],
    };
    english
        .split(' ')
        .map(|token| {
            for (suffix, unit) in units {
                if let Some(number) = token.strip_suffix(suffix) {
                    if number.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '-') {
                        return format!("{number} {unit}");
                    }
                }
            }
            token.to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A percentage with up to `decimals` decimals (more when needed so that it never shows 100
/// for less than 100), and the sign: `99.94 %`. Built on `sla_core::calc::format_percent`.
pub fn percent_text(value: f64, decimals: usize) -> String {
    format!("{} %", format_percent(value, decimals))
}

/// The period's name in the language.
pub fn period_name(lang: Lang, kind: PeriodKind) -> &'static str {
    match kind {
        PeriodKind::Day => CalcMsg::Day,
        PeriodKind::Week => CalcMsg::Week,
        PeriodKind::Month => CalcMsg::Month,
        PeriodKind::Quarter => CalcMsg::Quarter,
        PeriodKind::Year => CalcMsg::Year,
    }
    .text(lang)
}

/// The weekday's name, Monday = 0.
pub fn weekday_name(lang: Lang, day: usize) -> &'static str {
    const DAYS: [CalcMsg; 7] = [
        CalcMsg::Monday,
        CalcMsg::Tuesday,
        CalcMsg::Wednesday,
        CalcMsg::Thursday,
        CalcMsg::Friday,
        CalcMsg::Saturday,
        CalcMsg::Sunday,
    ];
    DAYS.get(day).map(|m| m.text(lang)).unwrap_or("")
}

/// The convention in one sentence, to print under every table of figures.
pub fn convention_sentence(lang: Lang, convention: &Convention) -> String {
    match convention {
        Convention::ThirtyDayMonth => CalcMsg::SentenceThirty.text(lang).to_string(),
        Convention::MeanGregorian => CalcMsg::SentenceMean.text(lang).to_string(),
        Convention::Calendar { date, time_zone } => {
            let space = if lang == Lang::En { " " } else { "" };
            format!(
                "{}{space}{date}{space}{} {time_zone}{}",
                CalcMsg::SentenceCalendarBefore.text(lang),
                CalcMsg::SentenceCalendarIn.text(lang),
                CalcMsg::SentenceCalendarAfter.text(lang)
            )
        }
    }
}

/// A field's problem in the language: `100.5 is above 100 %`, `'3 hrs 10' is not a duration…`.
pub fn field_error_text(lang: Lang, error: &FieldError) -> String {
    let with = |value: &str, m: CalcMsg| {
        let sep = if lang == Lang::En || !value.ends_with(['」', '”']) { " " } else { "" };
        format!("{value}{sep}{}", m.text(lang))
    };
    match error {
        FieldError::Empty => CalcMsg::ErrEmpty.text(lang).to_string(),
        FieldError::NotANumber(t) => with(&quote(lang, t), CalcMsg::ErrNotANumber),
        FieldError::AboveHundred(t) => with(t, CalcMsg::ErrAboveHundred),
        FieldError::BelowZero(t) => with(t, CalcMsg::ErrBelowZero),
        FieldError::AboveDayHours(t) => with(t, CalcMsg::ErrAboveDayHours),
        FieldError::NotADuration(t) => with(&quote(lang, t), CalcMsg::ErrNotADuration),
        FieldError::NegativeDuration(t) => with(&quote(lang, t), CalcMsg::ErrNegativeDuration),
        FieldError::DurationTooLong(t) => with(&quote(lang, t), CalcMsg::ErrDurationTooLong),
        FieldError::DowntimeExceedsPeriod { downtime_seconds, measured_seconds } => {
            if downtime_seconds.is_finite() && measured_seconds.is_finite() {
                format!(
                    "{} ({} > {})",
                    CalcMsg::ErrExceedsPeriod.text(lang),
                    duration_text(lang, *downtime_seconds),
                    duration_text(lang, *measured_seconds)
                )
            } else {
                CalcMsg::ErrExceedsPeriod.text(lang).to_string()
            }
        }
        FieldError::NotADate(t) => with(&quote(lang, t), CalcMsg::ErrNotADate),
        FieldError::DateOutOfRange(t) => with(&quote(lang, t), CalcMsg::ErrDateOutOfRange),
        FieldError::UnknownTimeZone(t) => with(&quote(lang, t), CalcMsg::ErrUnknownZone),
        FieldError::NotACount(t) => with(&quote(lang, t), CalcMsg::ErrNotACount),
        FieldError::NoServiceHours => CalcMsg::ErrNoServiceHours.text(lang).to_string(),
        FieldError::EmptyGroup => CalcMsg::ErrEmptyGroup.text(lang).to_string(),
        FieldError::TooDeep => CalcMsg::ErrTooDeep.text(lang).to_string(),
    }
}

/// Where a node is, in words: `series item 2 › parallel item 1 "db"`, `串聯第 2 項 › 並聯第 1 項「db」`.
pub fn path_text(lang: Lang, path: &[PathStep]) -> String {
    if path.is_empty() {
        return CalcMsg::TopLevel.text(lang).to_string();
    }
    path.iter()
        .map(|step| match step {
            PathStep::Item { group, index, name } => {
                let group = match group {
                    GroupKind::Series => CalcMsg::SeriesItem,
                    GroupKind::Parallel => CalcMsg::ParallelItem,
                };
                let base = match lang {
                    Lang::En => format!("{} {index}", group.text(lang)),
                    _ => format!("{} {index} {}", group.text(lang), CalcMsg::ItemSuffix.text(lang)),
                };
                match (name, lang) {
                    (Some(n), Lang::En) => format!("{base} \"{n}\""),
                    (Some(n), _) => format!("{base}{}", quote(lang, n)),
                    (None, _) => base,
                }
            }
            PathStep::Deployment => CalcMsg::RegionsDeployment.text(lang).to_string(),
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

/// A composite error with its place: `series item 2 › parallel item 1: 100.5 is above 100 %`.
pub fn located_error_text(lang: Lang, error: &LocatedError) -> String {
    let colon = if lang == Lang::En { ": " } else { "：" };
    format!("{}{colon}{}", path_text(lang, &error.path), field_error_text(lang, &error.error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_three_non_empty_texts() {
        for m in CalcMsg::ALL {
            for l in Lang::ALL {
                // The item suffix is empty in English on purpose.
                if *m == CalcMsg::ItemSuffix && l == Lang::En {
                    continue;
                }
                assert!(!m.text(l).trim().is_empty(), "{m:?} in {l:?}");
            }
        }
    }

    #[test]
    fn errors_read_as_the_issue_asks() {
        assert_eq!(field_error_text(Lang::En, &FieldError::AboveHundred("100.5".into())), "100.5 is above 100 %");
        assert!(field_error_text(Lang::En, &FieldError::NotADuration("3 hrs 10".into()))
            .starts_with("'3 hrs 10' is not a duration"));
        assert!(field_error_text(Lang::ZhHant, &FieldError::NotADuration("3 hrs 10".into()))
            .starts_with("「3 hrs 10」不是有效的時長"));
        assert_eq!(field_error_text(Lang::ZhHans, &FieldError::AboveHundred("100.5".into())), "100.5 超过 100 %");
        let located = LocatedError {
            path: vec![
                PathStep::Item { group: GroupKind::Series, index: 2, name: None },
                PathStep::Item { group: GroupKind::Parallel, index: 1, name: None },
            ],
            error: FieldError::AboveHundred("100.5".into()),
        };
        assert_eq!(located_error_text(Lang::En, &located), "series item 2 › parallel item 1: 100.5 is above 100 %");
        assert_eq!(located_error_text(Lang::ZhHant, &located), "串聯第 2 項 › 並聯第 1 項：100.5 超過 100 %");
        assert_eq!(path_text(Lang::En, &[]), "top level");
    }

    #[test]
    fn durations_and_percentages() {
        assert_eq!(duration_text(Lang::En, 2629.746), "43m 49.7s");
        assert_eq!(duration_text(Lang::ZhHant, 2629.746), "43 分 49.7 秒");
        assert_eq!(duration_text(Lang::ZhHans, 90_061.5), "1 天 1 小时 1 分 1.5 秒");
        assert_eq!(duration_text(Lang::ZhHans, f64::NAN), "n/a");
        assert_eq!(percent_text(99.940005, 4), "99.94 %");
        assert_eq!(percent_text(99.99999, 2), "99.99999 %");
        assert!(convention_sentence(Lang::En, &Convention::MeanGregorian).contains("365.2425"));
        let c = Convention::calendar(chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(), "Asia/Taipei").unwrap();
        assert!(convention_sentence(Lang::ZhHant, &c).contains("2026-02-01，時區 Asia/Taipei"));
    }
}
