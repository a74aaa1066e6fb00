//! The texts of the service review's screens (trends, where it comes from, customer
//! satisfaction, the review document) in English, 繁體中文 and 简体中文, and the small pure
//! helpers that turn the review's typed values (directions, dimensions, units) into words.
//!
//! Sentences with numbers are templates with `{name}` placeholders, filled by [`fill`], so each
//! language keeps its own word order.

use crate::format;
use crate::i18n::Lang;
use sla_core::model::Impact;
use sla_core::review::{Dimension, Direction, Trend, TrendMetric, TrendUnit};

pub use crate::components::report::text::{fill, list_separator};

crate::messages! { ReviewMsg;
    // Shared words.
    Period => ["Period", "週期", "周期"],
    Total => ["Total", "總計", "总计"],
    WholeSpan => ["Whole span", "整個報告期間", "整个报告期间"],
    ToDate => ["to date", "截至目前", "截至目前"],
    Met => ["met", "達成", "达成"],
    Missed => ["missed", "未達成", "未达成"],
    NotGiven => ["(not given)", "（未填寫）", "（未填写）"],
    Availability => ["Availability", "可用性", "可用性"],
    Target => ["Target", "目標", "目标"],
    Result => ["Result", "結果", "结果"],
    Downtime => ["Weighted downtime", "加權停機時間", "加权停机时间"],
    Incidents => ["Incidents", "事件數", "事件数"],
    Breaches => ["Breaches", "違約次數", "违约次数"],
    Credit => ["Credit", "服務抵扣", "服务抵扣"],
    Penalty => ["Penalty", "罰款", "罚款"],
    Version => ["Version", "版本", "版本"],
    Priority => ["Priority", "優先級", "优先级"],
    Respond => ["respond", "回應", "响应"],
    Resolve => ["resolve", "解決", "解决"],
    Mtta => ["MTTA", "MTTA", "MTTA"],
    Mttr => ["MTTR", "MTTR", "MTTR"],

    // Trends card.
    TrendsHeading => ["Trends", "趨勢", "趋势"],
    TrendsIntro => [
        "Each metric per period over the whole history, with its direction of travel.",
        "各項指標在整段歷史中每個週期的數值，以及變化方向。",
        "各项指标在整段历史中每个周期的数值，以及变化方向。"
    ],
    TrendsMethod => [
        "Method: a least-squares line through the values of the complete periods (at least {n}); the trend is steady while its slope per period stays within the metric's tolerance, otherwise improving or worsening. A period still running (marked *) is shown but not fitted.",
        "計算方式：以已結束週期的數值（至少 {n} 個）做最小平方法直線擬合；每週期斜率在該指標的容許範圍內視為持平，超出則依方向判定為改善或惡化。尚未結束的週期（標 *）會顯示，但不納入擬合。",
        "计算方法：对已结束周期的数值（至少 {n} 个）做最小二乘直线拟合；每周期斜率在该指标的容差范围内视为持平，超出则按方向判定为改善或恶化。尚未结束的周期（标 *）会显示，但不纳入拟合。"
    ],
    MetricAvailability => ["Availability", "可用性", "可用性"],
    MetricMttr => ["MTTR (restore)", "MTTR（恢復）", "MTTR（恢复）"],
    MetricMtta => ["MTTA (acknowledge)", "MTTA（確認）", "MTTA（确认）"],
    MetricBreaches => ["Breaches", "違約次數", "违约次数"],
    MetricCredits => ["Credits", "服務抵扣", "服务抵扣"],
    MetricSatisfaction => ["Satisfaction (mean)", "滿意度（平均）", "满意度（平均）"],
    Improving => ["improving", "改善中", "改善中"],
    Steady => ["steady", "持平", "持平"],
    Worsening => ["worsening", "惡化中", "恶化中"],
    NotEnoughPeriods => ["not enough periods", "週期不足", "周期不足"],
    NotEnoughDetail => [
        "{fitted} complete period(s) with a value; at least {n} are needed for a direction.",
        "有數值的已結束週期僅 {fitted} 個；至少需要 {n} 個才能判斷方向。",
        "有数值的已结束周期仅 {fitted} 个；至少需要 {n} 个才能判断方向。"
    ],
    SlopeDetail => [
        "slope {slope} per period; steady within ±{tol}",
        "斜率每週期 {slope}；±{tol} 以內視為持平",
        "斜率每周期 {slope}；±{tol} 以内视为持平"
    ],
    PercentPoints => ["pp", "個百分點", "个百分点"],
    Value => ["Value", "數值", "数值"],
    DirectionOfTravel => ["Direction", "變化方向", "变化方向"],
    NoValue => ["—", "—", "—"],
    HigherIsBetter => ["higher is better", "越高越好", "越高越好"],
    LowerIsBetter => ["lower is better", "越低越好", "越低越好"],
    SparkLabel => [
        "{metric} per period: {values}. Direction: {direction}.",
        "{metric}各週期數值：{values}。方向：{direction}。",
        "{metric}各周期数值：{values}。方向：{direction}。"
    ],

    // Where it comes from.
    ContributorsHeading => ["Where it comes from", "問題從何而來", "问题从何而来"],
    ContributorsIntro => [
        "Downtime, breaches and credits over {n} period(s), ranked by credit, then downtime, then breaches.",
        "{n} 個週期內的停機、違約與服務抵扣，依抵扣金額、停機時間、違約次數排序。",
        "{n} 个周期内的停机、违约与服务抵扣，按抵扣金额、停机时间、违约次数排序。"
    ],
    BreakDownBy => ["Break down by", "分類依據", "分类维度"],
    DimService => ["Service / component", "服務／元件", "服务/组件"],
    DimPriority => ["Priority", "優先級", "优先级"],
    DimImpact => ["Impact", "影響程度", "影响程度"],
    DimCategory => ["Cause / category", "原因／類別", "原因/类别"],
    ImpactFull => ["Full outage", "完全中斷", "完全中断"],
    ImpactPartial => ["Partial outage", "部分中斷", "部分中断"],
    ImpactDegraded => ["Degraded", "效能降級", "性能降级"],
    ImpactNone => ["No impact", "無影響", "无影响"],
    Rank => ["#", "排名", "排名"],
    ContributorsTotals => [
        "In all: weighted downtime {downtime}, credits {credit}.",
        "合計：加權停機時間 {downtime}，服務抵扣 {credit}。",
        "合计：加权停机时间 {downtime}，服务抵扣 {credit}。"
    ],
    Unattributed => [
        "{amount} of credit falls in periods without weighted downtime and cannot be placed on an incident.",
        "有 {amount} 的服務抵扣發生在沒有加權停機的週期，無法歸屬到個別事件。",
        "有 {amount} 的服务抵扣发生在没有加权停机的周期，无法归属到具体事件。"
    ],
    AttributionRule => [
        "How credit is attributed: a period's credit owed is split into its tier part and its penalty part (a cap or minimum scales both alike); the tier part goes to the incidents in proportion to their weighted downtime in that period, and each breach's penalty to its own incident.",
        "服務抵扣的歸屬方式：每個週期的應付抵扣拆為級距部分與罰款部分（上限或最低額同比例套用於兩者）；級距部分依各事件在該週期的加權停機時間比例分攤，每筆違約的罰款則歸屬於該事件本身。",
        "服务抵扣的归属方式：每个周期的应付抵扣拆为档位部分与罚款部分（上限或最低额按同一比例作用于两者）；档位部分按各事件在该周期的加权停机时间比例分摊，每次违约的罚款归属于该事件本身。"
    ],
    TopIncidents => ["The incidents that cost the most", "成本最高的事件", "成本最高的事件"],
    Incident => ["Incident", "事件", "事件"],
    Service => ["Service", "服務", "服务"],
    NoContributors => [
        "No incident counted downtime, a breach or a credit in these periods.",
        "這些週期內沒有任何事件造成停機、違約或服務抵扣。",
        "这些周期内没有任何事件造成停机、违约或服务抵扣。"
    ],

    // Customer satisfaction.
    CsatHeading => ["Customer satisfaction", "客戶滿意度", "客户满意度"],
    CsatNone => [
        "No incident in the log carries a satisfaction score, so this section is hidden. A score column (for example a 1–5 survey answer per ticket) adds it.",
        "紀錄中沒有任何事件附有滿意度分數，因此不顯示此區塊。若匯入的資料含分數欄位（例如每張工單 1–5 分的問卷結果），即會顯示。",
        "记录中没有任何事件带有满意度评分，因此不显示此部分。若导入的数据含评分列（例如每张工单 1–5 分的问卷结果），即会显示。"
    ],
    CsatScale => ["Scores on a {min}–{max} scale.", "分數量表為 {min}–{max} 分。", "评分量表为 {min}–{max} 分。"],
    CsatRuleFits15 => ["Every score lies in 1–5.", "所有分數皆介於 1–5。", "所有评分均在 1–5 之间。"],
    CsatRuleFits010 => [
        "Every score lies in 0–10 and some outside 1–5, so a 0–10 survey is assumed.",
        "所有分數介於 0–10，且部分不在 1–5 之間，因此視為 0–10 分問卷。",
        "所有评分在 0–10 之间，且部分不在 1–5 之间，因此视为 0–10 分问卷。"
    ],
    CsatRuleAssumed => [
        "Some scores lie outside 0–10: a 1–5 scale is assumed and those scores are left out.",
        "部分分數超出 0–10：以 1–5 分量表計算，超出範圍的分數不計入。",
        "部分评分超出 0–10：按 1–5 分量表计算，超出范围的评分不计入。"
    ],
    CsatOutOfScale => ["{n} score(s) outside the scale left out.", "{n} 筆超出量表的分數未計入。", "{n} 条超出量表的评分未计入。"],
    CsatRules => [
        "A score belongs to the period its incident started in. Distribution: each score rounded to the nearest whole point. Satisfied: the share of scores in the scale's two highest values.",
        "分數歸屬於事件開始的週期。分布：每個分數四捨五入到整數分。滿意：落在量表最高兩個分數的比例。",
        "评分归属于事件开始的周期。分布：每个评分四舍五入到整数分。满意：落在量表最高两个分值的比例。"
    ],
    Responses => ["Responses", "回覆數", "回复数"],
    Mean => ["Mean", "平均", "平均"],
    Satisfied => ["Satisfied", "滿意", "满意"],
    Distribution => ["Distribution", "分布", "分布"],
    ScoreN => ["Score {n}", "{n} 分", "{n} 分"],
    BucketTitle => ["{n} of {total} responses scored {score}", "{total} 筆回覆中有 {n} 筆為 {score} 分", "{total} 条回复中有 {n} 条为 {score} 分"],

    // The review document.
    ReviewHeading => ["Service review", "服務檢討報告", "服务回顾报告"],
    ReviewOf => ["Review of", "檢討範圍", "回顾范围"],
    PrintReview => ["Print the review", "列印檢討報告", "打印回顾报告"],
    ExportReview => ["Export review (JSON)", "匯出檢討報告（JSON）", "导出回顾报告（JSON）"],
    ExportFailed => ["The export failed:", "匯出失敗：", "导出失败："],
    ReviewFailed => ["The review could not be built:", "無法產生檢討報告：", "无法生成回顾报告："],
    ReviewTitle => ["Service review: {service}", "服務檢討報告：{service}", "服务回顾报告：{service}"],
    UnnamedService => ["(unnamed service)", "（未命名服務）", "（未命名服务）"],
    Parties => ["{provider} for {customer}", "{provider} 提供給 {customer}", "{provider} 提供给 {customer}"],
    ScopePeriod => ["Period {period}", "週期 {period}", "周期 {period}"],
    ScopeSpan => ["Whole span, {n} periods", "整個報告期間，共 {n} 個週期", "整个报告期间，共 {n} 个周期"],
    SpanLine => [
        "{from} – {to}, as of {as_of}; time zone {zone}",
        "{from} – {to}，截至 {as_of}；時區 {zone}",
        "{from} – {to}，截至 {as_of}；时区 {zone}"
    ],
    SummaryLine => [
        "{missed} of {n} period(s) missed the availability target; {breaches} breach(es); credits owed {credit}.",
        "{n} 個週期中有 {missed} 個未達可用性目標；違約 {breaches} 次；應付服務抵扣 {credit}。",
        "{n} 个周期中有 {missed} 个未达可用性目标；违约 {breaches} 次；应付服务抵扣 {credit}。"
    ],
    VersionsHeading => ["Agreement versions and targets", "協議版本與目標", "协议版本与目标"],
    VersionHeading => ["Version {version}, in force from {from}", "版本 {version}，自 {from} 起生效", "版本 {version}，自 {from} 起生效"],
    FromTheStart => ["the start", "一開始", "一开始"],
    AppliedTo => ["Periods reviewed", "適用的檢討週期", "适用的回顾周期"],
    NoPeriodReviewed => ["none in this review", "本次檢討未涵蓋", "本次回顾未涉及"],
    WhatChanged => ["What changed", "變更內容", "变更内容"],
    FirstVersion => ["first version", "初始版本", "初始版本"],
    CreditTiersLabel => ["Credit tiers", "抵扣級距", "抵扣档位"],
    TierLine => ["below {below}: {credit} of the fee", "低於 {below}：費用的 {credit}", "低于 {below}：费用的 {credit}"],
    FeeLine => ["fee {fee} per period", "每週期費用 {fee}", "每周期费用 {fee}"],
    TargetsLabel => ["Response and resolution targets", "回應與解決時限", "响应与解决时限"],
    AroundTheClock => ["24×7", "全天候", "全天候"],
    ServiceHoursClock => ["support hours", "支援時段內", "支持时段内"],
    RevisedDuring => ["{version} took effect on {date} (applies from the next period)", "{version} 於 {date} 生效（自下個週期起適用）", "{version} 于 {date} 生效（自下个周期起适用）"],
    ResultsHeading => ["Results against each target", "各項目標達成情況", "各项目标达成情况"],
    AvailabilityResults => ["Availability and credits per period", "各週期可用性與服務抵扣", "各周期可用性与服务抵扣"],
    TargetResults => ["Response and resolution targets per period", "各週期回應與解決時限達成情況", "各周期响应与解决时限达成情况"],
    TargetCell => ["{met} of {total} met", "{total} 件中 {met} 件達成", "{total} 件中 {met} 件达成"],
    BreachedCell => ["{n} breached", "{n} 件違約", "{n} 件违约"],
    PendingCell => ["{n} pending", "{n} 件進行中", "{n} 件进行中"],
    NoTickets => ["no incidents", "無事件", "无事件"],
    TargetWithin => ["within {d}", "{d} 內", "{d} 内"],
    MissedHeading => ["Periods and targets missed", "未達成的週期與目標", "未达成的周期与目标"],
    NothingMissed => ["None: every target was met.", "無：所有目標皆已達成。", "无：所有目标均已达成。"],
    MissedAvailability => [
        "{period}: availability {actual} against a target of {target}",
        "{period}：可用性 {actual}，目標 {target}",
        "{period}：可用性 {actual}，目标 {target}"
    ],
    MissedTime => [
        "{period}: {priority} {kind} within {target} — {breached} of {total} breached",
        "{period}：{priority} {kind}時限 {target} — {total} 件中 {breached} 件違約",
        "{period}：{priority} {kind}时限 {target} — {total} 件中 {breached} 件违约"
    ],
    BreachesHeading => ["Breaches", "違約明細", "违约明细"],
    NoBreaches => ["No response or resolution target was breached.", "沒有任何回應或解決時限違約。", "没有任何响应或解决时限违约。"],
    ReviewDeferred => [
        "Trends, where the downtime comes from, satisfaction and the printable review take a moment on a log this large ({n} incidents), so they are computed when you ask; after that they follow every change.",
        "這份紀錄很大（{n} 筆事故），趨勢、停機來源、滿意度與可列印的檢討報告需要一些時間計算，因此在您要求時才計算；之後會隨每次變更更新。",
        "这份记录很大（{n} 条事件），趋势、停机来源、满意度和可打印的回顾报告需要一些时间计算，因此在您要求时才计算；之后会随每次更改更新。"
    ],
    ReviewCompute => ["Compute the service review", "計算服務檢討", "计算服务回顾"],
    BreachesShown => [
        "The {shown} longest overruns of {total} breaches; the JSON export and the breach list above hold them all.",
        "列出 {total} 筆違約中超時最久的 {shown} 筆；JSON 匯出與上方的違約清單包含全部。",
        "列出 {total} 条违约中超时最久的 {shown} 条；JSON 导出和上方的违约清单包含全部。"
    ],
    Kind => ["Target", "時限", "时限"],
    Took => ["Took", "實際耗時", "实际耗时"],
    Overrun => ["Over by", "超出", "超出"],
    StillOpen => ["still open", "仍未完成", "仍未完成"],
    CreditsHeading => ["Credits owed", "應付服務抵扣", "应付服务抵扣"],
    CreditsLine => [
        "Credits owed over the review: {credit} (breach penalties before caps: {penalty}).",
        "本次檢討期間應付服務抵扣：{credit}（上限前的違約罰款：{penalty}）。",
        "本次回顾期间应付服务抵扣：{credit}（上限前的违约罚款：{penalty}）。"
    ],
    TrendsOverHistory => ["Trends over the whole history", "整段歷史的趨勢", "整段历史的趋势"],
    TopContributors => ["Top contributors", "主要來源", "主要来源"],
    TopRow => [
        "{key}: {share} of downtime, {breaches} breach(es), credit {credit}",
        "{key}：停機佔 {share}，違約 {breaches} 次，抵扣 {credit}",
        "{key}：停机占 {share}，违约 {breaches} 次，抵扣 {credit}"
    ],
    NotesHeading => ["Notes", "備註", "备注"],
    NoteVersions => [
        "Each period is measured against the agreement version in force on its first day: {list}.",
        "每個週期都依其第一天生效的協議版本衡量：{list}。",
        "每个周期都按其第一天生效的协议版本衡量：{list}。"
    ],
    NoteVersionRun => ["{version} for {periods}", "{periods} 採用 {version}", "{periods} 采用 {version}"],
    NoteRevisedDuring => [
        "Agreement version {new} took effect on {date}, during period {period}; the period is measured against version {old}, in force on its first day, and {new} applies from the next period.",
        "協議版本 {new} 於 {date} 生效，正值週期 {period} 之中；該週期依其第一天生效的版本 {old} 衡量，{new} 自下一個週期起適用。",
        "协议版本 {new} 于 {date} 生效，正值周期 {period} 之中；该周期按其第一天生效的版本 {old} 衡量，{new} 自下一个周期起适用。"
    ],
    NoteNotStarted => [
        "Period {period} has not started at {as_of}; its figures are empty.",
        "週期 {period} 在 {as_of} 時尚未開始，沒有數據。",
        "周期 {period} 在 {as_of} 时尚未开始，没有数据。"
    ],
    NoteNoServiceTime => [
        "Period {period} has no service time; its availability is shown as 100 %.",
        "週期 {period} 沒有服務時間，可用性顯示為 100 %。",
        "周期 {period} 没有服务时间，可用性显示为 100 %。"
    ],
}

/// The report's remarks in `lang`, built from its typed fields (the `notes` of the report
/// document are the same remarks in English, for the JSON and the command line): which version
/// measured which periods (when the agreement has revisions), revisions that took effect within
/// a period, periods not started at the report's time and periods without service time.
pub fn report_notes(report: &sla_core::report::Report, revised: bool, lang: Lang) -> Vec<String> {
    let t = |m: ReviewMsg| m.text(lang);
    let mut notes = Vec::new();
    if revised && !report.versions.is_empty() {
        let runs: Vec<String> = report
            .versions
            .iter()
            .map(|run| {
                let periods = match (run.periods.first(), run.periods.last()) {
                    (Some(a), Some(b)) if a != b => format!("{a}…{b}"),
                    (Some(a), _) => a.clone(),
                    _ => String::new(),
                };
                fill(t(ReviewMsg::NoteVersionRun), &[("version", &run.version), ("periods", &periods)])
            })
            .collect();
        notes.push(fill(t(ReviewMsg::NoteVersions), &[("list", &runs.join(list_separator(lang)))]));
    }
    for p in &report.periods {
        for r in &p.revised_during {
            notes.push(fill(
                t(ReviewMsg::NoteRevisedDuring),
                &[("new", &r.version), ("date", &r.effective_date.to_string()), ("period", &p.label), ("old", &p.version)],
            ));
        }
        if p.start >= report.as_of {
            let as_of = format::instant(report.as_of, &report.agreement.time_zone);
            notes.push(fill(t(ReviewMsg::NoteNotStarted), &[("period", &p.label), ("as_of", &as_of)]));
        } else if p.figures.availability.no_service_time {
            notes.push(fill(t(ReviewMsg::NoteNoServiceTime), &[("period", &p.label)]));
        }
    }
    notes
}

/// The name of a trend's metric.
pub fn metric_name(metric: TrendMetric, lang: Lang) -> &'static str {
    match metric {
        TrendMetric::Availability => ReviewMsg::MetricAvailability,
        TrendMetric::Mttr => ReviewMsg::MetricMttr,
        TrendMetric::Mtta => ReviewMsg::MetricMtta,
        TrendMetric::Breaches => ReviewMsg::MetricBreaches,
        TrendMetric::Credits => ReviewMsg::MetricCredits,
        TrendMetric::Satisfaction => ReviewMsg::MetricSatisfaction,
    }
    .text(lang)
}

/// The word for a direction.
pub fn direction_word(direction: Direction, lang: Lang) -> &'static str {
    match direction {
        Direction::Improving => ReviewMsg::Improving,
        Direction::Steady => ReviewMsg::Steady,
        Direction::Worsening => ReviewMsg::Worsening,
        Direction::NotEnoughPeriods => ReviewMsg::NotEnoughPeriods,
    }
    .text(lang)
}

/// The arrow for a trend: which way the *value* moves (↗ up, ↘ down, → steady, · not enough
/// periods), so "↘ improving" reads as "falling, which is good" for MTTR.
pub fn direction_arrow(trend: &Trend) -> &'static str {
    match (trend.direction, trend.slope_per_period) {
        (Direction::NotEnoughPeriods, _) | (_, None) => "·",
        (Direction::Steady, _) => "→",
        (_, Some(s)) if s > 0.0 => "↗",
        _ => "↘",
    }
}

/// The class of a direction badge: `good`, `bad`, or `steady` / `unknown` (neutral). Colour is
/// never alone: the badge also carries the arrow and the word.
pub fn direction_class(direction: Direction) -> &'static str {
    match direction {
        Direction::Improving => "good",
        Direction::Worsening => "bad",
        Direction::Steady => "steady",
        Direction::NotEnoughPeriods => "unknown",
    }
}

/// The arrow and the word together, e.g. `↗ improving`.
pub fn direction_label(trend: &Trend, lang: Lang) -> String {
    format!("{} {}", direction_arrow(trend), direction_word(trend.direction, lang))
}

/// A trend value in its unit: percent with 3 decimals, a duration, a whole count, money with
/// 2 decimals (the currency is said once, in the heading) or a score with 2 decimals.
pub fn trend_value(unit: TrendUnit, value: f64, lang: Lang) -> String {
    match unit {
        TrendUnit::Percent => format::percent(value, 3),
        TrendUnit::Seconds => format::duration_in(lang, value.round() as i64),
        TrendUnit::Count => format::grouped(value, if value.fract() == 0.0 { 0 } else { 2 }),
        TrendUnit::Money => format::grouped(value, 2),
        TrendUnit::Score => format!("{value:.2}"),
    }
}

/// A slope or tolerance per period in the trend's unit, with a sign when `signed`:
/// `+0.012 pp`, `-4m 10s`, `+0.50`.
pub fn trend_delta(unit: TrendUnit, value: f64, signed: bool, lang: Lang) -> String {
    let sign = if !signed {
        ""
    } else if value < 0.0 {
        "−"
    } else {
        "+"
    };
    let v = value.abs();
    let body = match unit {
        TrendUnit::Percent => format!("{v:.3} {}", ReviewMsg::PercentPoints.text(lang)),
        TrendUnit::Seconds => format::duration_in(lang, v.round() as i64),
        TrendUnit::Count | TrendUnit::Score => format!("{v:.2}"),
        TrendUnit::Money => format::grouped(v, 2),
    };
    format!("{sign}{body}")
}

/// The name of a contributor dimension.
pub fn dimension_name(dimension: Dimension, lang: Lang) -> &'static str {
    match dimension {
        Dimension::Service => ReviewMsg::DimService,
        Dimension::Priority => ReviewMsg::DimPriority,
        Dimension::Impact => ReviewMsg::DimImpact,
        Dimension::Category => ReviewMsg::DimCategory,
    }
    .text(lang)
}

/// A stable token for a dimension (the `<select>` option values).
pub fn dimension_token(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Service => "service",
        Dimension::Priority => "priority",
        Dimension::Impact => "impact",
        Dimension::Category => "category",
    }
}

/// An impact level in words.
pub fn impact_name(impact: Impact, lang: Lang) -> &'static str {
    match impact {
        Impact::FullOutage => ReviewMsg::ImpactFull,
        Impact::PartialOutage => ReviewMsg::ImpactPartial,
        Impact::Degraded => ReviewMsg::ImpactDegraded,
        Impact::None => ReviewMsg::ImpactNone,
    }
    .text(lang)
}

/// A contributor group's key as shown: impact keys (`full_outage`, …) in words, a missing key
/// as "(not given)", anything else as the log wrote it.
pub fn group_key(dimension: Dimension, key: Option<&str>, lang: Lang) -> String {
    let Some(key) = key else {
        return ReviewMsg::NotGiven.text(lang).to_string();
    };
    if dimension == Dimension::Impact {
        if let Some(i) = Impact::from_key(key) {
            return impact_name(i, lang).to_string();
        }
    }
    key.to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn report_notes_say_in_each_language_what_the_reports_notes_say() {
        use sla_core::engine::{build_report, ReportRequest};
        let agreement = sla_core::sample::sample_agreement();
        let incidents = sla_core::sample::sample_incidents();
        let as_of = sla_core::sample::sample_as_of();
        // The sample (two versions), and a span running past the report's time (periods not
        // started) with a revision in the middle of a month.
        let mut mid_month = agreement.clone();
        mid_month.revisions[0].effective_date = chrono::NaiveDate::from_ymd_opt(2026, 4, 15).unwrap();
        let later = ReportRequest { as_of, from: None, to: Some(as_of + chrono::TimeDelta::days(70)) };
        for (a, request) in [(&agreement, ReportRequest::as_of(as_of)), (&mid_month, later)] {
            let report = build_report(a, &incidents, &request).unwrap();
            for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
                let notes = report_notes(&report, !a.revisions.is_empty(), lang);
                assert_eq!(notes.len(), report.notes.len(), "{lang:?}: {notes:?} vs {:?}", report.notes);
                assert!(notes.iter().all(|n| !n.contains('{')), "{notes:?}");
            }
            let en = report_notes(&report, true, Lang::En);
            for (ours, core) in en.iter().zip(&report.notes) {
                // The same remark: the same first words, up to case.
                let first = |s: &str| s.split_whitespace().take(2).collect::<Vec<_>>().join(" ").to_lowercase();
                assert!(report.notes.iter().any(|c| first(c) == first(ours)), "{ours} has no counterpart in {:?} ({core})", report.notes);
            }
        }
        let report = build_report(&agreement, &incidents, &ReportRequest::as_of(as_of)).unwrap();
        assert!(report_notes(&report, true, Lang::ZhHant)[0].starts_with("每個週期"));
    }

    use super::*;

    #[test]
    fn every_message_has_three_non_empty_texts_with_the_same_placeholders() {
        let holes = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for m in ReviewMsg::ALL {
            let en = holes(m.text(Lang::En));
            for l in Lang::ALL {
                assert!(!m.text(l).trim().is_empty(), "{m:?} in {l:?}");
                assert_eq!(holes(m.text(l)), en, "{m:?} in {l:?} has other placeholders");
            }
        }
    }

    fn trend_with(direction: Direction, slope: Option<f64>) -> Trend {
        Trend {
            metric: TrendMetric::Mttr,
            unit: TrendUnit::Seconds,
            higher_is_better: false,
            points: Vec::new(),
            fitted_periods: 3,
            mean: Some(100.0),
            slope_per_period: slope,
            tolerance_per_period: 5.0,
            direction,
        }
    }

    #[test]
    fn arrows_follow_the_value_and_words_the_verdict() {
        // MTTR falling: the value goes down (↘), which is an improvement.
        let t = trend_with(Direction::Improving, Some(-30.0));
        assert_eq!(direction_label(&t, Lang::En), "↘ improving");
        assert_eq!(direction_label(&t, Lang::ZhHant), "↘ 改善中");
        assert_eq!(direction_arrow(&trend_with(Direction::Worsening, Some(12.0))), "↗");
        assert_eq!(direction_arrow(&trend_with(Direction::Steady, Some(1.0))), "→");
        assert_eq!(direction_arrow(&trend_with(Direction::NotEnoughPeriods, None)), "·");
        assert_eq!(direction_class(Direction::Worsening), "bad");
    }

    #[test]
    fn values_and_deltas_in_their_units() {
        assert_eq!(trend_value(TrendUnit::Percent, 99.9, Lang::En), "99.900 %");
        assert_eq!(trend_value(TrendUnit::Seconds, 3899.6, Lang::En), "1h 5m");
        assert_eq!(trend_value(TrendUnit::Count, 3.0, Lang::En), "3");
        assert_eq!(trend_value(TrendUnit::Money, 1234.5, Lang::En), "1,234.50");
        assert_eq!(trend_delta(TrendUnit::Percent, -0.0125, true, Lang::En), "−0.013 pp");
        assert_eq!(trend_delta(TrendUnit::Seconds, 60.0, true, Lang::ZhHans), "+1 分");
        assert_eq!(trend_delta(TrendUnit::Count, 0.25, false, Lang::En), "0.25");
    }

    #[test]
    fn group_keys_in_words() {
        assert_eq!(
            group_key(Dimension::Impact, Some("partial_outage"), Lang::En),
            "Partial outage"
        );
        assert_eq!(
            group_key(Dimension::Service, Some("partial_outage"), Lang::En),
            "partial_outage"
        );
        assert_eq!(group_key(Dimension::Category, None, Lang::ZhHant), "（未填寫）");
    }
}
