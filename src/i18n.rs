//! The three languages of the UI: English, 繁體中文 and 简体中文.
//!
//! Every piece of UI text is a [`Msg`] variant with its three translations side by side, so a
//! missing translation is a compile error. Components read the current [`Lang`] from context
//! with [`use_lang`] and write `Msg::Availability.text(lang)`. Numbers, durations and dates are
//! formatted for the language by [`crate::format`].

use yew::prelude::*;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Traditional Chinese (Taiwan, Hong Kong).
    ZhHant,
    /// Simplified Chinese (mainland China, Singapore).
    ZhHans,
}

impl Lang {
    /// All languages, in the order the switcher shows them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHant, Lang::ZhHans];

    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The language's own name.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHant => "繁體中文",
            Lang::ZhHans => "简体中文",
        }
    }

    /// Reads a tag as stored or as a browser reports it (`navigator.language`): `zh-TW`,
    /// `zh-HK`, `zh-Hant*` → traditional; other `zh*` → simplified; anything else → English.
    pub fn from_tag(tag: &str) -> Lang {
        let t = tag.trim().to_ascii_lowercase();
        if !t.starts_with("zh") {
            return Lang::En;
        }
        if t.contains("hant") || t.ends_with("-tw") || t.ends_with("-hk") || t.ends_with("-mo") {
            Lang::ZhHant
        } else {
            Lang::ZhHans
        }
    }

    /// The first supported language in a browser's preference list, English if none.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in tags {
            let t = tag.trim().to_ascii_lowercase();
            if t.starts_with("zh") || t.starts_with("en") {
                return Lang::from_tag(&t);
            }
        }
        Lang::En
    }
}

/// The current language, from the nearest `ContextProvider<Lang>` (English without one).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// One language's text of a message stored as `en \u{1f} hant \u{1f} hans` (see [`messages!`]).
#[doc(hidden)]
pub fn column(row: &'static str, lang: Lang) -> &'static str {
    let n = match lang {
        Lang::En => 0,
        Lang::ZhHant => 1,
        Lang::ZhHans => 2,
    };
    row.split('\u{1f}').nth(n).unwrap_or("")
}

/// Whether a text is free of the separator [`column`] splits at (checked at compile time).
#[doc(hidden)]
pub const fn no_separator(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1f {
            return false;
        }
        i += 1;
    }
    true
}

/// Declares an enum of UI messages with their English, traditional and simplified Chinese
/// texts. Each feature declares its own enum in its own file (`crate::messages!(CalcMsg; ...)`),
/// so features add texts without touching each other's lists.
#[macro_export]
macro_rules! messages {
    ($name:ident; $($key:ident => [$en:expr, $hant:expr, $hans:expr]),* $(,)?) => {
        /// A piece of UI text in three languages.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum $name { $($key),* }

        impl $name {
            /// Every message, for tests.
            #[allow(dead_code)]
            pub const ALL: &'static [$name] = &[$($name::$key),*];

            /// The text in `lang`. (A table looked up by position, one string per message
            /// holding its three texts: a `match` over every message and language compiles to
            /// several times the code, and a table of three `&str` per message is three
            /// pointer-and-length pairs that gzip barely shrinks.)
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                const TEXTS: &[&str] = &[$(concat!($en, "\u{1f}", $hant, "\u{1f}", $hans)),*];
                // A text holding the separator would shift its neighbours: refuse to compile.
                const _: () = assert!($($crate::i18n::no_separator($en)
                    && $crate::i18n::no_separator($hant)
                    && $crate::i18n::no_separator($hans))&&*);
                TEXTS.get(self as usize).map_or("", |row| $crate::i18n::column(row, lang))
            }
        }
    };
}

crate::messages! { Msg;
    AppTitle => ["SLA calculator", "SLA 計算器", "SLA 计算器"],
    PrivacyPromise => [
        "Runs entirely in your browser: nothing you load leaves this page.",
        "完全在您的瀏覽器中執行：您載入的資料不會離開此頁面。",
        "完全在您的浏览器中运行：您载入的数据不会离开此页面。"
    ],
    Language => ["Language", "語言", "语言"],
    Agreement => ["Agreement", "協議", "协议"],
    TimeZone => ["time zone", "時區", "时区"],
    Version => ["version", "版本", "版本"],
    For => ["for", "提供給", "提供给"],
    IncidentsFrom => ["incidents from the", "筆事件，來源：", "条事件，来源："],
    AsOf => ["as of", "截至", "截至"],
    BuiltInSample => ["built-in sample log", "內建範例紀錄", "内置示例记录"],
    AvailabilityTarget => ["Availability target (%)", "可用性目標 (%)", "可用性目标 (%)"],
    Result => ["Result", "結果", "结果"],
    NoReportYet => ["No report yet:", "尚無報告：", "尚无报告："],
    FixAgreement => [
        "the agreement has problems; each is shown next to its field above.",
        "協議有需要修正的地方，問題已標示在上方各欄位旁。",
        "协议有需要修正的地方，问题已标示在上方各字段旁。"
    ],
    HeadlineFigures => ["Headline figures", "主要指標", "主要指标"],
    Availability => ["Availability", "可用性", "可用性"],
    Target => ["target", "目標", "目标"],
    Met => ["met", "達成", "达成"],
    Missed => ["missed", "未達成", "未达成"],
    PeriodsMissed => ["periods missed", "個週期未達成", "个周期未达成"],
    Of => ["of", "/", "/"],
    Downtime => ["Downtime", "停機時間", "停机时间"],
    Allowed => ["allowed", "允許", "允许"],
    Over => ["over", "服務時間", "服务时间"],
    ErrorBudgetLeft => ["Error budget left", "剩餘錯誤預算", "剩余错误预算"],
    OfAllowedDowntime => ["of the allowed downtime", "的允許停機時間", "的允许停机时间"],
    NoDowntimeAllowed => ["no downtime allowed", "不允許停機", "不允许停机"],
    MttrRestore => ["MTTR (restore)", "MTTR（恢復）", "MTTR（恢复）"],
    Mtta => ["MTTA", "MTTA", "MTTA"],
    Breaches => ["Breaches", "違約", "违约"],
    BreachesDetail => ["response and resolution targets missed", "未達成的回應與解決目標", "未达成的响应与解决目标"],
    CreditsOwed => ["Credits owed", "應付服務抵扣", "应付服务抵扣"],
    CreditsDetail => [
        "sum of the periods' credits after caps and minimums, including breach penalties of",
        "各週期抵扣總和（已套用上限與最低額），其中違約罰款為",
        "各周期抵扣总和（已应用上限与最低额），其中违约罚款为"
    ],
    PerPeriod => ["Per period", "各週期", "各周期"],
    Period => ["Period", "週期", "周期"],
    ServiceTime => ["Service time", "服務時間", "服务时间"],
    BudgetLeft => ["Budget left", "剩餘預算", "剩余预算"],
    Incidents => ["Incidents", "事件", "事件"],
    Credit => ["Credit", "抵扣", "抵扣"],
    Partial => ["partial", "部分", "部分"],
    BreachesLower => ["breaches", "次違約", "次违约"],
    PeriodsNote => [
        "Periods are calendar-aligned in the agreement's time zone. Downtime is weighted by impact and excludes maintenance.",
        "週期依協議時區的日曆對齊。停機時間依影響程度加權，並排除維護時段。",
        "周期按协议时区的日历对齐。停机时间按影响程度加权，并排除维护时段。"
    ],
    NavLabel => ["Sections", "章節", "章节"],
    NavIncidents => ["Incidents", "事件", "事件"],
    NavCalculators => ["Quick calculators", "快速計算", "快速计算"],
    ChartsHeading => ["Charts", "圖表", "图表"],
    KpisHeading => ["Incident KPIs", "事件指標", "事件指标"],
    ComplianceHeading => ["Response and resolution compliance", "回應與解決達成率", "响应与解决达成率"],
    BreachesHeading => ["Breaches", "違約清單", "违约清单"],
    SizingHeading => ["Sizing: what can we safely commit to?", "目標評估：可以安全承諾多少？", "目标评估：可以安全承诺多少？"],
    CreditsHeading => ["Credits, step by step", "服務抵扣計算步驟", "服务抵扣计算步骤"],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_pick_the_right_script() {
        assert_eq!(Lang::from_tag("zh-TW"), Lang::ZhHant);
        assert_eq!(Lang::from_tag("zh-HK"), Lang::ZhHant);
        assert_eq!(Lang::from_tag("zh-Hant-TW"), Lang::ZhHant);
        assert_eq!(Lang::from_tag("zh-CN"), Lang::ZhHans);
        assert_eq!(Lang::from_tag("zh"), Lang::ZhHans);
        assert_eq!(Lang::from_tag("de-DE"), Lang::En);
        assert_eq!(Lang::from_preferences(["de", "zh-TW", "en"]), Lang::ZhHant);
        assert_eq!(Lang::from_preferences(["fr", "de"]), Lang::En);
        assert_eq!(Lang::from_preferences(["en-GB", "zh-CN"]), Lang::En);
    }

    #[test]
    fn every_message_has_three_non_empty_texts() {
        for m in Msg::ALL {
            for l in Lang::ALL {
                assert!(!m.text(l).trim().is_empty(), "{m:?} in {l:?}");
            }
        }
    }
}
