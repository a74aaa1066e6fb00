//! The texts of the saved-agreements list, the share link and the notices.

use crate::i18n::Lang;
use crate::state::persist::{Notice, StoreError};
use sla_core::share::ShareError;

crate::messages! { RememberMsg;
    LibraryHeading => ["Saved agreements", "已儲存的協議", "已保存的协议"],
    LibraryIntro => [
        "One per customer or contract. They are kept in this browser only; incident data is kept only if you tick \"Keep imported incidents\" in the import step.",
        "每個客戶或合約各一份，只保存在這個瀏覽器中；事故資料只有在匯入步驟勾選「保留匯入的事故」時才會保存。",
        "每个客户或合同各一份，只保存在本浏览器中；事件数据只有在导入步骤勾选“保留导入的事件”时才会保存。"
    ],
    Name => ["Name", "名稱", "名称"],
    Editing => ["Editing", "編輯中", "正在编辑"],
    Edit => ["Edit", "編輯", "编辑"],
    Duplicate => ["Duplicate", "複製", "复制"],
    Delete => ["Delete", "刪除", "删除"],
    ConfirmDelete => ["Delete this saved agreement? This cannot be undone.", "確定刪除這份已儲存的協議？刪除後無法復原。", "确定删除这份已保存的协议？删除后无法恢复。"],
    New => ["New agreement", "新增協議", "新建协议"],
    ExportAll => ["Export all (JSON)", "全部匯出（JSON）", "全部导出（JSON）"],
    ImportAll => ["Import agreements file", "匯入協議檔案", "导入协议文件"],
    ShareHeading => ["Share this agreement", "分享這份協議", "分享这份协议"],
    ShareIntro => [
        "The link holds the agreement's settings only (no incident data). Anyone who opens it gets the same setup.",
        "連結只包含協議設定（不含事故資料），任何人開啟後都會得到相同的設定。",
        "链接只包含协议设置（不含事件数据），任何人打开后都会得到相同的设置。"
    ],
    ShareTooLong => [
        "This agreement is too large for a share link (characters in the link / the most a link may hold); export it as a file instead.",
        "這份協議太大，無法放進分享連結（連結字元數 / 上限）；請改為匯出檔案。",
        "这份协议太大，无法放进分享链接（链接字符数 / 上限）；请改为导出文件。"
    ],
    CopyShareLink => ["Copy share link", "複製分享連結", "复制分享链接"],
    ShareLinkLabel => ["Share link", "分享連結", "分享链接"],
    Copied => ["Copied to the clipboard.", "已複製到剪貼簿。", "已复制到剪贴板。"],
    CopyByHand => ["Select the link and copy it.", "請選取連結後自行複製。", "请选中链接后手动复制。"],
    Notices => ["Notices", "通知", "通知"],
    Dismiss => ["Dismiss", "關閉", "关闭"],
    StoredReset => [
        "Your saved agreements could not be read and were reset:",
        "無法讀取已儲存的協議，已重設：",
        "无法读取已保存的协议，已重置："
    ],
    SaveFailed => ["Your changes could not be saved in this browser:", "無法在這個瀏覽器中儲存變更：", "无法在本浏览器中保存更改："],
    QuotaHint => [
        "Delete or export saved agreements you no longer need, then edit again.",
        "請刪除或匯出不再需要的協議後再編輯。",
        "请删除或导出不再需要的协议后再编辑。"
    ],
    BadShareLink => ["This share link could not be opened:", "無法開啟這個分享連結：", "无法打开这个分享链接："],
    SharedOpened => [
        "The shared agreement was added to your saved agreements and is open for editing.",
        "已將分享的協議加入已儲存的協議，並開啟供編輯。",
        "已将分享的协议加入已保存的协议，并打开供编辑。"
    ],
    BadCalcLink => ["The calculator link could not be read:", "無法讀取計算器連結：", "无法读取计算器链接："],
    ImportFailed => ["The agreements file was not imported:", "協議檔案未匯入：", "协议文件未导入："],
    Imported => ["Agreements imported:", "已匯入協議：", "已导入协议："],
    KeptRestored => [
        "The incidents kept from your last visit were imported again:",
        "已重新匯入上次保留的事故：",
        "已重新导入上次保留的事件："
    ],
    Rows => ["rows", "列", "行"],
    KeptReset => [
        "The incidents kept from your last visit could not be used and were forgotten:",
        "無法使用上次保留的事故，已將其清除：",
        "无法使用上次保留的事件，已将其清除："
    ],
    KeptTooLarge => [
        "This import is too large to keep in the browser (limit 2 MB); it is used now but will not be there after a reload. Size:",
        "這次匯入的檔案太大，無法保留在瀏覽器中（上限 2 MB）；現在仍可使用，但重新載入後不會保留。大小：",
        "这次导入的文件太大，无法保留在浏览器中（上限 2 MB）；现在仍可使用，但重新加载后不会保留。大小："
    ],
    KeepFailed => ["The imported incidents could not be kept:", "無法保留匯入的事故：", "无法保留导入的事件："],
    ErrNotJson => ["it is not valid JSON", "內容不是有效的 JSON", "内容不是有效的 JSON"],
    ErrForeign => ["it was not saved by this app", "不是由本工具儲存的資料", "不是由本工具保存的数据"],
    ErrVersion => ["it is in a format version this app does not read", "格式版本不受支援", "格式版本不受支持"],
    ErrInvalid => ["it is damaged", "資料已損壞", "数据已损坏"],
    ErrQuota => ["the browser's storage for this page is full", "這個網頁的瀏覽器儲存空間已滿", "本网页的浏览器存储空间已满"],
    ErrUnavailable => ["the browser does not allow storage here", "瀏覽器不允許在此儲存資料", "浏览器不允许在此存储数据"],
    ErrShareDamaged => [
        "the link is damaged or incomplete (perhaps cut off when copied)",
        "連結已損壞或不完整（可能複製時被截斷）",
        "链接已损坏或不完整（可能复制时被截断）"
    ],
    ErrShareVersion => ["it was made by a newer version of this app", "由較新版本的工具產生", "由较新版本的工具生成"],
    ErrShareNotAgreement => ["it does not hold an agreement", "連結中沒有協議資料", "链接中没有协议数据"],
}

/// Why stored data or a file was refused, in `lang`, with the technical detail in English.
pub fn store_error_text(e: &StoreError, lang: Lang) -> String {
    let t = |m: RememberMsg| m.text(lang).to_string();
    match e {
        StoreError::NotJson(d) => format!("{} ({d})", t(RememberMsg::ErrNotJson)),
        StoreError::Foreign => t(RememberMsg::ErrForeign),
        StoreError::UnsupportedVersion(v) => format!("{} ({v})", t(RememberMsg::ErrVersion)),
        StoreError::Invalid(d) => format!("{} ({d})", t(RememberMsg::ErrInvalid)),
        StoreError::QuotaExceeded => t(RememberMsg::ErrQuota),
        StoreError::Unavailable(d) => format!("{} ({d})", t(RememberMsg::ErrUnavailable)),
    }
}

/// Why a share link was refused, in `lang`.
pub fn share_error_text(e: &ShareError, lang: Lang) -> String {
    let t = |m: RememberMsg| m.text(lang).to_string();
    match e {
        ShareError::Malformed | ShareError::TooLong(_) | ShareError::BadBase64 | ShareError::BadCompression => {
            t(RememberMsg::ErrShareDamaged)
        }
        ShareError::UnknownVersion(_) | ShareError::UnsupportedSchema(_) => t(RememberMsg::ErrShareVersion),
        ShareError::NotAnAgreement(d) => format!("{} ({d})", t(RememberMsg::ErrShareNotAgreement)),
    }
}

/// A notice's full text in `lang`, and whether it reports a problem.
pub fn notice_text(n: &Notice, lang: Lang) -> (String, bool) {
    let t = |m: RememberMsg| m.text(lang);
    match n {
        Notice::StoredReset(e) => (
            format!("{} {}", t(RememberMsg::StoredReset), store_error_text(e, lang)),
            true,
        ),
        Notice::SaveFailed(e) => {
            let hint = if *e == StoreError::QuotaExceeded {
                format!(" {}", t(RememberMsg::QuotaHint))
            } else {
                String::new()
            };
            (
                format!("{} {}.{hint}", t(RememberMsg::SaveFailed), store_error_text(e, lang)),
                true,
            )
        }
        Notice::BadShareLink(e) => (
            format!("{} {}", t(RememberMsg::BadShareLink), share_error_text(e, lang)),
            true,
        ),
        Notice::SharedOpened => (t(RememberMsg::SharedOpened).to_string(), false),
        Notice::BadCalcLink(e) => (format!("{} {e}", t(RememberMsg::BadCalcLink)), true),
        Notice::ImportFailed(e) => (
            format!("{} {}", t(RememberMsg::ImportFailed), store_error_text(e, lang)),
            true,
        ),
        Notice::Imported(n) => (format!("{} {n}", t(RememberMsg::Imported)), false),
        Notice::KeptRestored(files, rows) => {
            (format!("{} {files} ({} {})", t(RememberMsg::KeptRestored), crate::format::grouped(*rows as f64, 0), t(RememberMsg::Rows)), false)
        }
        Notice::KeptReset(detail) => (format!("{} {detail}", t(RememberMsg::KeptReset)), true),
        Notice::KeptTooLarge(bytes) => (format!("{} {:.1} MB", t(RememberMsg::KeptTooLarge), *bytes as f64 / 1e6), true),
        Notice::KeepFailed(e) => (format!("{} {}", t(RememberMsg::KeepFailed), store_error_text(e, lang)), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_three_non_empty_texts() {
        for m in RememberMsg::ALL {
            for lang in [Lang::En, Lang::ZhHant, Lang::ZhHans] {
                assert!(!m.text(lang).trim().is_empty(), "{m:?} {lang:?}");
            }
        }
    }

    #[test]
    fn a_full_quota_gets_its_own_message_and_hint() {
        let (text, problem) = notice_text(&Notice::SaveFailed(StoreError::QuotaExceeded), Lang::En);
        assert!(problem);
        assert!(text.contains("full") && text.contains("Delete or export"), "{text}");
    }
}
