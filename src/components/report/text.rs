//! The texts of the report's charts and detail tables (availability chart, incident timeline,
//! KPIs, compliance, breaches, credit steps) in English, 繁體中文 and 简体中文.
//!
//! Sentences with numbers are templates with `{name}` placeholders, filled by [`fill`], so
//! each language keeps its own word order.

crate::messages! { ReportMsg;
    // Shared words.
    Period => ["Period", "週期", "周期"],
    Total => ["Total", "總計", "总计"],
    WholeSpan => ["Whole span", "整個報告期間", "整个报告期间"],
    Availability => ["Availability", "可用性", "可用性"],
    Target => ["Target", "目標", "目标"],
    Result => ["Result", "結果", "结果"],
    Met => ["met", "達成", "达成"],
    Missed => ["missed", "未達成", "未达成"],
    ToDate => ["to date", "截至目前", "截至目前"],
    NoValue => ["—", "—", "—"],

    // Availability chart.
    AvailChartTitle => ["Availability per period against the target", "各週期可用性與目標對照", "各周期可用性与目标对照"],
    AvailChartSummary => [
        "{n} periods against a target of {target}: {met} met, {missed} missed.",
        "共 {n} 個週期，目標 {target}：{met} 個達成，{missed} 個未達成。",
        "共 {n} 个周期，目标 {target}：{met} 个达成，{missed} 个未达成。"
    ],
    AvailMissedList => ["Missed: {list}.", "未達成：{list}。", "未达成：{list}。"],
    AvailAxisNote => [
        "The vertical axis runs from {lo} to 100 %, not from 0, so small differences show.",
        "縱軸自 {lo} 起至 100 %，並非從 0 開始，以便看出細微差異。",
        "纵轴从 {lo} 到 100 %，并非从 0 开始，以便看出细微差异。"
    ],
    AvailAxisLabel => ["Availability (%)", "可用性 (%)", "可用性 (%)"],
    TargetLineLabel => ["target {target}", "目標 {target}", "目标 {target}"],
    LegendMet => ["✓ met: solid bar", "✓ 達成：實心長條", "✓ 达成：实心柱"],
    LegendMissed => ["✕ missed: hatched bar", "✕ 未達成：斜線長條", "✕ 未达成：斜线柱"],
    LegendTarget => ["dashed line: target", "虛線：目標", "虚线：目标"],
    AvailTableCaption => ["The chart's data", "圖表資料", "图表数据"],
    BarTitle => ["{period}: {value} — {verdict} (target {target})", "{period}：{value} — {verdict}（目標 {target}）", "{period}：{value} — {verdict}（目标 {target}）"],

    // Incident timeline.
    TimelineTitle => ["Incident timeline", "事件時間軸", "事件时间轴"],
    LaneFullOutage => ["Full outage", "完全中斷", "完全中断"],
    LanePartialOutage => ["Partial outage", "部分中斷", "部分中断"],
    LaneDegraded => ["Degraded", "效能降級", "性能降级"],
    LaneNoImpact => ["No impact", "無影響", "无影响"],
    LanePlanned => ["Planned or excluded", "計畫內或已排除", "计划内或已排除"],
    Open => ["open", "未結案", "未关闭"],
    TimelineSummary => [
        "{n} incidents from {from} to {to}: {lanes}; {open} still open as of {as_of}.",
        "{from} 至 {to} 共 {n} 筆事件：{lanes}；截至 {as_of} 仍有 {open} 筆未結案。",
        "{from} 至 {to} 共 {n} 条事件：{lanes}；截至 {as_of} 仍有 {open} 条未关闭。"
    ],
    LaneCount => ["{lane} {n}", "{lane} {n} 筆", "{lane} {n} 条"],
    TimelineMerged => [
        "{n} incidents are drawn as {bars} bars: incidents close together in a lane are merged into one bar.",
        "{n} 筆事件以 {bars} 個長條呈現：同一列中相距很近的事件合併為一個長條。",
        "{n} 条事件以 {bars} 个条形呈现：同一行中相距很近的事件合并为一个条形。"
    ],
    MergedBarTitle => ["{n} incidents, {from} – {to}", "{n} 筆事件，{from} – {to}", "{n} 条事件，{from} – {to}"],
    NoIncidentsInSpan => ["No incidents in the reporting span.", "報告期間內沒有事件。", "报告期间内没有事件。"],
    AsOf => ["as of", "截至", "截至"],
    TimelineHowToRead => [
        "Each bar runs from the incident's start to its restore time (or resolve time when there is none); open incidents run up to the as-of time and end in an arrow. Vertical lines mark period boundaries.",
        "每個長條從事件開始延伸至恢復時間（若無則至解決時間）；未結案事件延伸至截至時間，並以箭頭結尾。垂直線標示週期分界。",
        "每个条形从事件开始延伸到恢复时间（若无则到解决时间）；未关闭事件延伸到截至时间，并以箭头结尾。竖线标示周期分界。"
    ],

    // KPI table.
    KpiCaption => ["Incident KPIs per period", "各週期事件指標", "各周期事件指标"],
    Mtta => ["MTTA (acknowledge)", "MTTA（確認）", "MTTA（确认）"],
    MttrRestore => ["MTTR (restore)", "MTTR（恢復）", "MTTR（恢复）"],
    TimeToResolve => ["Time to resolve", "解決時間", "解决时间"],
    Mtbf => ["MTBF", "MTBF", "MTBF"],
    TimeBetweenFailures => ["Time between failures", "故障間隔", "故障间隔"],
    DefTimeBetweenFailures => [
        "Time between failures: the gaps between consecutive failures' starts (needs two failures).",
        "故障間隔：相鄰兩次故障開始時間之間的間隔（至少需兩次故障）。",
        "故障间隔：相邻两次故障开始时间之间的间隔（至少需两次故障）。"
    ],
    Mean => ["Mean", "平均", "平均"],
    Median => ["Median", "中位數", "中位数"],
    P90 => ["90th pct.", "第 90 百分位", "第 90 百分位"],
    Count => ["n", "樣本數", "样本数"],
    DefMtta => [
        "MTTA: mean time from an incident's start to its first acknowledgement.",
        "MTTA：事件開始至首次確認的平均時間。",
        "MTTA：事件开始到首次确认的平均时间。"
    ],
    DefMttr => [
        "MTTR (restore): mean time from start to service restored (or resolved when no restore time is given), failures only.",
        "MTTR（恢復）：事件開始至服務恢復（未提供恢復時間則至解決）的平均時間，僅計故障事件。",
        "MTTR（恢复）：事件开始到服务恢复（未提供恢复时间则到解决）的平均时间，仅计故障事件。"
    ],
    DefResolve => [
        "Time to resolve: start to resolved.",
        "解決時間：事件開始至解決。",
        "解决时间：事件开始到解决。"
    ],
    DefMtbf => [
        "MTBF: service time divided by the number of failures.",
        "MTBF：服務時間除以故障次數。",
        "MTBF：服务时间除以故障次数。"
    ],
    DefStats => [
        "Median and 90th percentile are nearest-rank values; n is the number of incidents that have the value. Durations are clock time.",
        "中位數與第 90 百分位採最近秩法；樣本數為具有該數值的事件數。時間皆為實際經過時間。",
        "中位数和第 90 百分位采用最近秩法；样本数为具有该数值的事件数。时间均为实际经过时间。"
    ],

    // Compliance table.
    ComplianceCaption => ["Response and resolution targets per priority", "各優先等級的回應與解決目標", "各优先级的响应与解决目标"],
    ShowFor => ["Show", "顯示", "显示"],
    Priority => ["Priority", "優先等級", "优先级"],
    Incidents => ["Incidents", "事件數", "事件数"],
    Respond => ["Respond", "回應", "响应"],
    Resolve => ["Resolve", "解決", "解决"],
    MetCount => ["Met", "達成", "达成"],
    BreachedCount => ["Breached", "違約", "违约"],
    PendingCount => ["Pending", "計時中", "计时中"],
    PercentMet => ["% met", "達成率", "达成率"],
    NoTarget => ["no target agreed", "未約定目標", "未约定目标"],
    ClockServiceHours => ["support hours", "支援時段", "支持时段"],
    ClockAroundTheClock => ["24×7", "24×7 全天候", "24×7 全天候"],
    Unmatched => [
        "{n} incidents matched no priority level and are not in this table.",
        "{n} 筆事件不符合任何優先等級，未列入本表。",
        "{n} 条事件不符合任何优先级，未列入本表。"
    ],
    AllMatched => ["Every incident matched a priority level.", "所有事件皆符合某個優先等級。", "所有事件均符合某个优先级。"],

    // Breach list.
    BreachCaption => ["Breached response and resolution targets", "未達成的回應與解決目標", "未达成的响应与解决目标"],
    IncidentId => ["Incident", "事件", "事件"],
    Title => ["Title", "標題", "标题"],
    Kind => ["Target type", "目標類型", "目标类型"],
    Taken => ["Taken", "實際耗時", "实际耗时"],
    Overrun => ["Over by", "超出", "超出"],
    Due => ["Due", "期限", "期限"],
    State => ["State", "狀態", "状态"],
    StillOpen => ["still open", "仍未完成", "仍未完成"],
    DoneLate => ["done late", "逾時完成", "超时完成"],
    Penalty => ["Penalty", "罰款", "罚款"],
    BeyondCalendar => ["beyond the calendar", "超出行事曆範圍", "超出日历范围"],
    NoBreaches => ["No response or resolution target was breached.", "沒有違反任何回應或解決目標。", "没有违反任何响应或解决目标。"],
    SortByOverrun => ["Sort by overrun", "依超出時間排序", "按超出时间排序"],
    SortedDescending => ["largest first", "由大到小", "从大到小"],
    SortedAscending => ["smallest first", "由小到大", "从小到大"],
    ReportOrder => ["in report order", "依報告順序", "按报告顺序"],
    ShowMore => ["Show {n} more", "再顯示 {n} 筆", "再显示 {n} 条"],
    ShowAll => ["Show all {n}", "全部顯示（{n} 筆）", "全部显示（{n} 条）"],
    ShowingOf => ["Showing {shown} of {total} breaches.", "顯示 {total} 筆中的 {shown} 筆。", "显示 {total} 条中的 {shown} 条。"],
    BreachCount => ["{n} breaches, {open} still open.", "共 {n} 筆違約，其中 {open} 筆仍未完成。", "共 {n} 条违约，其中 {open} 条仍未完成。"],

    // Credit steps.
    CreditFor => ["Credit for {period}", "{period} 的服務抵扣", "{period} 的服务抵扣"],
    StepAvailability => ["Availability in the period", "本週期可用性", "本周期可用性"],
    StepTierHit => [
        "Tier: below {below} → {credit} of the fee",
        "級距：低於 {below} → 費用的 {credit}",
        "档位：低于 {below} → 费用的 {credit}"
    ],
    StepTierNone => [
        "Tier: not below any tier threshold → no tier credit",
        "級距：未低於任何級距門檻 → 無級距抵扣",
        "档位：未低于任何档位门槛 → 无档位抵扣"
    ],
    StepTierAmount => ["Tier credit: {credit} × fee {fee}", "級距抵扣：{credit} × 費用 {fee}", "档位抵扣：{credit} × 费用 {fee}"],
    StepPenalties => [
        "Penalties for {n} breached response/resolution targets",
        "{n} 項未達成回應／解決目標的罰款",
        "{n} 项未达成响应／解决目标的罚款"
    ],
    StepSubtotal => ["Subtotal: tier credit + penalties", "小計：級距抵扣 + 罰款", "小计：档位抵扣 + 罚款"],
    StepCapApplied => [
        "Cap: {cap_percent} of the fee = {cap}; the subtotal is lowered to it (cap applied)",
        "上限：費用的 {cap_percent} = {cap}；小計降至上限（已套用上限）",
        "上限：费用的 {cap_percent} = {cap}；小计降至上限（已应用上限）"
    ],
    StepCapNotReached => [
        "Cap: {cap_percent} of the fee = {cap}; not reached (cap not applied)",
        "上限：費用的 {cap_percent} = {cap}；未達上限（未套用）",
        "上限：费用的 {cap_percent} = {cap}；未达上限（未应用）"
    ],
    StepMinimumApplied => [
        "Minimum: credits under {minimum} are not issued (minimum applied)",
        "最低額：低於 {minimum} 的抵扣不予發放（已套用最低額）",
        "最低额：低于 {minimum} 的抵扣不予发放（已应用最低额）"
    ],
    StepMinimumNotApplied => [
        "Minimum: {minimum}; met or not applicable (minimum not applied)",
        "最低額：{minimum}；已達到或不適用（未套用最低額）",
        "最低额：{minimum}；已达到或不适用（未应用最低额）"
    ],
    StepOwed => ["Credit owed", "應付抵扣", "应付抵扣"],
    NoCreditIn => ["No credit in: {list}.", "無服務抵扣的週期：{list}。", "无服务抵扣的周期：{list}。"],
    NoCreditAtAll => ["No period earns a credit.", "沒有任何週期產生服務抵扣。", "没有任何周期产生服务抵扣。"],
    CreditTotal => ["Total credits over all periods: {sum} = {total}", "所有週期的服務抵扣總計：{sum} = {total}", "所有周期的服务抵扣总计：{sum} = {total}"],
}

/// Fills a template's `{name}` placeholders: `fill("{n} of {m}", &[("n", "1"), ("m", "2")])`
/// → `"1 of 2"`. Unknown placeholders are left as they are; values are inserted verbatim
/// (they are rendered as text, so nothing in them is interpreted).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The list separator of a language: `, ` in English, `、` in Chinese.
pub fn list_separator(lang: crate::i18n::Lang) -> &'static str {
    match lang {
        crate::i18n::Lang::En => ", ",
        _ => "、",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn templates_fill_in_each_language() {
        for lang in Lang::ALL {
            let s = fill(ReportMsg::AvailChartSummary.text(lang), &[("n", "6"), ("target", "99.9 %"), ("met", "4"), ("missed", "2")]);
            assert!(s.contains('6') && s.contains("99.9 %") && s.contains('4') && s.contains('2'), "{s}");
            assert!(!s.contains('{'), "{s}");
        }
        assert_eq!(fill("{a}{a}{b}", &[("a", "x")]), "xx{b}");
    }

    #[test]
    fn every_message_has_three_texts() {
        for m in ReportMsg::ALL {
            for lang in Lang::ALL {
                assert!(!m.text(lang).is_empty(), "{m:?} {lang:?}");
            }
            // The same placeholders in every language.
            let names = |s: &str| {
                let mut v: Vec<String> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
                v.sort();
                v
            };
            assert_eq!(names(m.text(Lang::En)), names(m.text(Lang::ZhHant)), "{m:?}");
            assert_eq!(names(m.text(Lang::En)), names(m.text(Lang::ZhHans)), "{m:?}");
        }
    }
}
