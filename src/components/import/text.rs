//! The import step's texts in three languages.

crate::messages! { ImportMsg;
    KeepLabel => ["Keep imported incidents in this browser", "在這個瀏覽器中保留匯入的事故", "在本浏览器中保留导入的事件"],
    KeepHelp => [
        "Off by default: incident logs can be large and sensitive. When on, the imported files (up to 2 MB) are stored in this browser only and imported again on your next visit; turning it off deletes them.",
        "預設關閉：事故紀錄可能很大，也可能含敏感資料。開啟後，匯入的檔案（最多 2 MB）只會儲存在這個瀏覽器中，並在下次造訪時重新匯入；關閉即刪除。",
        "默认关闭：事件记录可能很大，也可能含敏感数据。开启后，导入的文件（最多 2 MB）只会保存在本浏览器中，并在下次访问时重新导入；关闭即删除。"
    ],
    Heading => ["Incidents", "事件紀錄", "事件记录"],
    Intro => [
        "Drop incident exports here (CSV, TSV, JSON or NDJSON from Jira Service Management, ServiceNow, PagerDuty, Opsgenie, Statuspage or any tool), choose files, or paste the text. Files are read in this page only.",
        "將事件匯出檔拖放到這裡（CSV、TSV、JSON 或 NDJSON，來自 Jira Service Management、ServiceNow、PagerDuty、Opsgenie、Statuspage 或任何工具），或選擇檔案、貼上文字。檔案只在本頁面內讀取。",
        "将事件导出文件拖放到这里（CSV、TSV、JSON 或 NDJSON，来自 Jira Service Management、ServiceNow、PagerDuty、Opsgenie、Statuspage 或任何工具），或选择文件、粘贴文本。文件只在本页面内读取。"
    ],
    DropHere => ["Drop files here", "將檔案拖放到這裡", "将文件拖放到这里"],
    ChooseFiles => ["Choose files", "選擇檔案", "选择文件"],
    PasteLabel => ["…or paste an export", "…或貼上匯出內容", "…或粘贴导出内容"],
    ImportPasted => ["Import pasted text", "匯入貼上的文字", "导入粘贴的文本"],
    UseSample => ["Use the built-in sample", "使用內建範例", "使用内置示例"],
    PastedText => ["pasted text", "貼上的文字", "粘贴的文本"],
    Settings => ["How to read the files", "讀取方式", "读取方式"],
    Tool => ["Exported from", "匯出來源", "导出来源"],
    Detect => ["detect", "自動偵測", "自动检测"],
    Encoding => ["Encoding", "編碼", "编码"],
    DateOrder => ["Date order", "日期順序", "日期顺序"],
    DayFirst => ["day first (31/12/2026)", "日在前（31/12/2026）", "日在前（31/12/2026）"],
    MonthFirst => ["month first (12/31/2026)", "月在前（12/31/2026）", "月在前（12/31/2026）"],
    LocalTimesIn => ["Times without offset are in", "無時區的時間視為", "无时区的时间视为"],
    AgreementZone => ["the agreement's zone", "協議時區", "协议时区"],
    Reading => ["Reading", "正在讀取", "正在读取"],
    File => ["file", "檔案", "文件"],
    RowsSoFar => ["rows so far", "列（目前）", "行（目前）"],
    Cancel => ["Cancel", "取消", "取消"],
    Cancelled => ["Import cancelled; the previous data is still in use.", "已取消匯入；仍使用先前的資料。", "已取消导入；仍使用先前的数据。"],
    CouldNotRead => ["could not be read:", "無法讀取：", "无法读取："],
    ChooseOrder => ["Choose the date order and import again:", "請選擇日期順序後重新匯入：", "请选择日期顺序后重新导入："],
    Rows => ["Rows read", "讀取列數", "读取行数"],
    Accepted => ["accepted", "採用", "采用"],
    Excluded => ["excluded", "排除", "排除"],
    Rejected => ["rejected", "拒收", "拒收"],
    ReportRestsOn => ["The report rests on", "報告依據", "报告依据"],
    IncidentsWord => ["incidents", "筆事件", "条事件"],
    Detected => ["Read as", "讀取為", "读取为"],
    Guessed => ["guessed", "推測", "推测"],
    RejectedRows => ["Rejected rows", "拒收的列", "拒收的行"],
    ExcludedRows => ["Excluded rows", "排除的列", "排除的行"],
    DownloadRejected => ["Download rejected rows", "下載拒收的列", "下载拒收的行"],
    ShowingFirst => ["showing the first", "僅顯示前", "仅显示前"],
    Row => ["Row", "列", "行"],
    Column => ["Column", "欄位", "列"],
    Reason => ["Reason", "原因", "原因"],
    Mapping => ["Column mapping", "欄位對應", "列映射"],
    MappingIntro => [
        "Which column feeds each field. Change any and import again; the mapping is kept for the next import.",
        "每個欄位取自哪一欄。可任意修改後重新匯入；對應設定會保留給下次匯入。",
        "每个字段取自哪一列。可任意修改后重新导入；映射设置会保留给下次导入。"
    ],
    NotUsed => ["(not used)", "（不使用）", "（不使用）"],
    FieldId => ["Incident id", "事件編號", "事件编号"],
    FieldTitle => ["Title", "標題", "标题"],
    FieldStart => ["Start (required)", "開始（必填）", "开始（必填）"],
    FieldAck => ["Acknowledged", "確認時間", "确认时间"],
    FieldRestored => ["Restored / end", "恢復／結束", "恢复／结束"],
    FieldResolved => ["Resolved", "解決時間", "解决时间"],
    FieldPriority => ["Priority", "優先級", "优先级"],
    FieldImpact => ["Impact", "影響", "影响"],
    FieldService => ["Service", "服務", "服务"],
    FieldPlanned => ["Planned", "計畫性", "计划性"],
    FieldStatus => ["Status", "狀態", "状态"],
    IsDuration => ["is a duration after start", "為距開始的時長", "为距开始的时长"],
    PriorityValues => ["Priority values", "優先級對應", "优先级映射"],
    ImpactValues => ["Impact values", "影響對應", "影响映射"],
    From => ["value in file", "檔案中的值", "文件中的值"],
    To => ["becomes", "轉換為", "转换为"],
    AddRule => ["Add a rule", "新增規則", "新增规则"],
    Remove => ["Remove", "移除", "移除"],
    ApplyMapping => ["Import again with this mapping", "以此對應重新匯入", "以此映射重新导入"],
    SavedMapping => [
        "A mapping is saved with the agreement and used for every import.",
        "協議中已儲存欄位對應，每次匯入都會使用。",
        "协议中已保存列映射，每次导入都会使用。"
    ],
    ForgetMapping => ["Forget it and recognise each file's tool", "清除並自動辨識每個檔案的來源", "清除并自动识别每个文件的来源"],
    Preview => ["Preview of the first rows", "前幾列預覽", "前几行预览"],
    Verdict => ["Verdict", "結果", "结果"],
    Start => ["Start", "開始", "开始"],
    End => ["End", "結束", "结束"],
    Open => ["open", "未結束", "未结束"],
    FullOutage => ["full outage", "完全中斷", "完全中断"],
    PartialOutage => ["partial outage", "部分中斷", "部分中断"],
    Degraded => ["degraded", "效能降低", "性能降低"],
    NoImpact => ["no impact", "無影響", "无影响"],
    AsOf => ["Count open incidents up to", "未結束事件計算至", "未结束事件计算至"],
    AsOfHelp => [
        "Defaults to the latest time in the log. Times are in the agreement's zone.",
        "預設為紀錄中的最晚時間，以協議時區表示。",
        "默认为记录中的最晚时间，以协议时区表示。"
    ],
}

/// Why a file was refused before it was read: its name and size and the supported maximum
/// ([`sla_core::import::MAX_INPUT_BYTES`]), in `lang`.
pub fn too_large_text(lang: crate::i18n::Lang, file_name: &str, bytes: u64) -> String {
    use crate::i18n::Lang;
    use sla_core::import::{megabytes, MAX_INPUT_BYTES};
    let (size, limit) = (megabytes(bytes), megabytes(MAX_INPUT_BYTES));
    match lang {
        Lang::En => format!(
            "{file_name} is {size}; files up to {limit} can be imported, so it was not read. Export a shorter time span or fewer columns, or split the file."
        ),
        Lang::ZhHant => format!(
            "{file_name} 大小為 {size}，超過可匯入的上限 {limit}，因此未讀取。請匯出較短的期間或較少的欄位，或將檔案分割。"
        ),
        Lang::ZhHans => format!(
            "{file_name} 大小为 {size}，超过可导入的上限 {limit}，因此未读取。请导出较短的时间段或较少的列，或将文件拆分。"
        ),
    }
}

#[cfg(test)]
mod limit_tests {
    use super::too_large_text;
    use crate::i18n::Lang;

    #[test]
    fn the_size_message_names_the_file_its_size_and_the_limit_in_each_language() {
        let en = too_large_text(Lang::En, "big.csv", 250_440_000);
        assert!(
            en.starts_with("big.csv is 250.4 MB; files up to 200 MB can be imported"),
            "{en}"
        );
        assert!(too_large_text(Lang::ZhHant, "big.csv", 250_440_000).contains("250.4 MB，超過可匯入的上限 200 MB"));
        assert!(too_large_text(Lang::ZhHans, "big.csv", 250_440_000).contains("250.4 MB，超过可导入的上限 200 MB"));
    }
}
