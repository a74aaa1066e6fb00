//! The texts of the agreement's versions, their comparison and the what-if view.

use crate::i18n::Lang;
use sla_core::review::TermKind;

crate::messages! { VersionMsg;
    Heading => ["Versions of the agreement", "協議版本", "协议版本"],
    Intro => [
        "An agreement changes over time. Each version is in force from its effective date; the report measures each period under the version in force on its first day. The form below edits the version marked ✎.",
        "協議會隨時間修訂。每個版本自生效日起適用；報告以每個週期第一天適用的版本計算該週期。下方表單編輯標有 ✎ 的版本。",
        "协议会随时间修订。每个版本自生效日起适用；报告按每个周期第一天适用的版本计算该周期。下方表单编辑标有 ✎ 的版本。"
    ],
    Version => ["Version", "版本", "版本"],
    InForce => ["In force", "適用期間", "适用期间"],
    Note => ["Why it changed", "修訂原因", "修订原因"],
    FromStart => ["from the start", "自開始", "自开始"],
    From => ["from", "自", "自"],
    Until => ["until", "至", "至"],
    Onwards => ["onwards", "起至今", "起至今"],
    Editing => ["✎ editing", "✎ 編輯中", "✎ 正在编辑"],
    Edit => ["Edit", "編輯", "编辑"],
    Delete => ["Delete", "刪除", "删除"],
    ConfirmDelete => ["Delete this version? Its changes are lost.", "確定刪除這個版本？其修訂內容將遺失。", "确定删除这个版本？其修订内容将丢失。"],
    Compare => ["What changed", "修訂內容", "修订内容"],
    HideCompare => ["Hide changes", "隱藏修訂內容", "隐藏修订内容"],
    WhatIf => ["What if it applied all along", "假設全程適用此版本", "假设全程适用此版本"],
    WhatIfOn => ["✓ measured all along", "✓ 全程以此版本計算", "✓ 全程按此版本计算"],
    NewLabel => ["Label", "版本標籤", "版本标签"],
    NewDate => ["In force from", "生效日", "生效日"],
    Add => ["Add version", "新增版本", "新增版本"],
    AddHelp => [
        "A new version starts with the terms in force on its date and changes only what you then edit.",
        "新版本以生效日當時適用的條款為起點，只有之後編輯的項目才會變更。",
        "新版本以生效日当时适用的条款为起点，只有之后编辑的项目才会变更。"
    ],
    Term => ["Term", "條款", "条款"],
    Before => ["Before", "修訂前", "修订前"],
    After => ["After", "修訂後", "修订后"],
    Absent => ["—", "—", "—"],
    NoChanges => ["This version changes nothing yet: edit it in the form below.", "此版本尚未變更任何條款：請在下方表單編輯。", "此版本尚未变更任何条款：请在下方表单编辑。"],
    Problems => ["Problems with the versions:", "版本有以下問題：", "版本存在以下问题："],
    WhatIfHeading => ["What-if", "假設情境", "假设情境"],
    WhatIfIntro => [
        "Every period is measured under the terms of version",
        "所有週期皆以下列版本的條款計算：",
        "所有周期均按以下版本的条款计算："
    ],
    WhatIfNot => [
        "— not the agreement as signed. The figures on this page are the what-if.",
        "——並非實際簽訂的協議。本頁數字均為假設情境。",
        "——并非实际签订的协议。本页数字均为假设情境。"
    ],
    BackToActual => ["Back to the agreement as signed", "回到實際簽訂的協議", "回到实际签订的协议"],
    Period => ["Period", "週期", "周期"],
    Applied => ["Version applied", "實際適用版本", "实际适用版本"],
    Actual => ["As signed", "實際", "实际"],
    Hypothetical => ["What-if", "假設", "假设"],
    Target => ["target", "目標", "目标"],
    Availability => ["availability", "可用率", "可用率"],
    Credit => ["credit", "服務抵扣", "服务抵扣"],
    Met => ["met", "達成", "达成"],
    Missed => ["missed", "未達成", "未达成"],
    Total => ["Total", "合計", "合计"],
    PeriodsMissed => ["periods missed", "個週期未達成", "个周期未达成"],
    Difference => ["Difference in credits", "服務抵扣差額", "服务抵扣差额"],
}

/// The name of a term that changed between versions.
pub fn term_label(kind: TermKind, lang: Lang) -> &'static str {
    let [en, hant, hans] = match kind {
        TermKind::AvailabilityTarget => ["Availability target", "可用率目標", "可用率目标"],
        TermKind::AvailabilityHours => ["Availability hours", "可用性服務時段", "可用性服务时段"],
        TermKind::AvailabilityHolidays => ["Holidays (availability)", "假日（可用性）", "节假日（可用性）"],
        TermKind::SupportHours => ["Support hours", "支援時段", "支持时段"],
        TermKind::SupportHolidays => ["Holidays (support)", "假日（支援）", "节假日（支持）"],
        TermKind::PriorityLevel => ["Priority level", "優先級", "优先级"],
        TermKind::RespondTarget => ["Time to respond", "回應時限", "响应时限"],
        TermKind::ResolveTarget => ["Time to resolve", "解決時限", "解决时限"],
        TermKind::Maintenance => ["Maintenance windows", "維護時段", "维护窗口"],
        TermKind::PartialOutageWeight => ["Partial outage weight", "部分中斷權重", "部分中断权重"],
        TermKind::DegradedWeight => ["Degraded weight", "效能降級權重", "性能降级权重"],
        TermKind::CreditFee => ["Fee per period", "每週期費用", "每周期费用"],
        TermKind::CreditCurrency => ["Currency", "幣別", "币种"],
        TermKind::CreditTiers => ["Credit tiers", "服務抵扣級距", "服务抵扣档位"],
        TermKind::CreditCap => ["Credit cap", "抵扣上限", "抵扣上限"],
        TermKind::CreditMinimum => ["Minimum credit", "最低抵扣金額", "最低抵扣金额"],
    };
    match lang {
        Lang::En => en,
        Lang::ZhHant => hant,
        Lang::ZhHans => hans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_three_non_empty_texts() {
        for m in VersionMsg::ALL {
            for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
                assert!(!m.text(lang).trim().is_empty(), "{m:?} {lang:?}");
            }
        }
    }
}
