//! The mapping screen: which of the file's columns feeds each incident field, and how values
//! translate (e.g. "Highest" → P1, Statuspage "major" → full outage). Controlled: the mapping
//! comes in as a prop, every edit goes out whole through `on_change`.

use super::summary::impact_text;
use super::text::ImportMsg;
use crate::i18n::use_lang;
use sla_core::import::{ColumnMapping, ImpactRule, NumberUnit, TimeSource, ValueRule};
use sla_core::model::Impact;
use yew::prelude::*;

/// Props of [`MappingEditor`].
#[derive(Properties, PartialEq)]
pub struct MappingEditorProps {
    /// The file's columns.
    pub columns: Vec<String>,
    /// The mapping in use.
    pub mapping: ColumnMapping,
    /// Called with the edited mapping.
    pub on_change: Callback<ColumnMapping>,
    /// Called to import again with the mapping.
    pub on_apply: Callback<()>,
}

/// A field of the incident a column can feed.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Id,
    Title,
    Start,
    Acknowledged,
    Restored,
    Resolved,
    Priority,
    Impact,
    Service,
    Planned,
    Status,
}

const FIELDS: [(Field, ImportMsg); 11] = [
    (Field::Start, ImportMsg::FieldStart),
    (Field::Restored, ImportMsg::FieldRestored),
    (Field::Resolved, ImportMsg::FieldResolved),
    (Field::Acknowledged, ImportMsg::FieldAck),
    (Field::Id, ImportMsg::FieldId),
    (Field::Title, ImportMsg::FieldTitle),
    (Field::Priority, ImportMsg::FieldPriority),
    (Field::Impact, ImportMsg::FieldImpact),
    (Field::Service, ImportMsg::FieldService),
    (Field::Planned, ImportMsg::FieldPlanned),
    (Field::Status, ImportMsg::FieldStatus),
];

fn time_slot(m: &mut ColumnMapping, f: Field) -> Option<&mut Option<TimeSource>> {
    match f {
        Field::Acknowledged => Some(&mut m.acknowledged),
        Field::Restored => Some(&mut m.restored),
        Field::Resolved => Some(&mut m.resolved),
        _ => None,
    }
}

fn text_slot(m: &mut ColumnMapping, f: Field) -> Option<&mut Option<String>> {
    match f {
        Field::Id => Some(&mut m.id),
        Field::Title => Some(&mut m.title),
        Field::Start => Some(&mut m.start),
        Field::Priority => Some(&mut m.priority),
        Field::Impact => Some(&mut m.impact),
        Field::Service => Some(&mut m.service),
        Field::Planned => Some(&mut m.planned),
        Field::Status => Some(&mut m.status),
        _ => None,
    }
}

/// The column a field reads and whether it is a duration (for time fields).
fn current(m: &ColumnMapping, f: Field) -> (Option<String>, Option<bool>) {
    let mut copy = m.clone();
    if let Some(slot) = time_slot(&mut copy, f) {
        return match slot.take() {
            Some(TimeSource::At(c)) => (Some(c), Some(false)),
            Some(TimeSource::After { column, .. }) => (Some(column), Some(true)),
            None => (None, Some(false)),
        };
    }
    (text_slot(&mut copy, f).and_then(|s| s.take()), None)
}

/// Sets the column of a field (None: not used), keeping a time field's duration choice.
pub fn set_column(mapping: &ColumnMapping, field_index: usize, column: Option<String>) -> ColumnMapping {
    let mut m = mapping.clone();
    let Some((f, _)) = FIELDS.get(field_index).copied() else { return m };
    if let Some(slot) = time_slot(&mut m, f) {
        let duration = matches!(slot, Some(TimeSource::After { .. }));
        *slot = column.map(|c| if duration { TimeSource::After { column: c, unit: NumberUnit::Seconds } } else { TimeSource::At(c) });
    } else if let Some(slot) = text_slot(&mut m, f) {
        *slot = column;
    }
    m
}

/// Switches a time field between "timestamp" and "duration after start".
pub fn set_duration(mapping: &ColumnMapping, field_index: usize, duration: bool) -> ColumnMapping {
    let mut m = mapping.clone();
    let Some((f, _)) = FIELDS.get(field_index).copied() else { return m };
    if let Some(slot) = time_slot(&mut m, f) {
        if let Some(src) = slot.take() {
            let column = src.column().to_string();
            *slot = Some(if duration { TimeSource::After { column, unit: NumberUnit::Seconds } } else { TimeSource::At(column) });
        }
    }
    m
}


/// The mapping form.
#[component]
pub fn MappingEditor(props: &MappingEditorProps) -> Html {
    let lang = use_lang();
    let t = |m: ImportMsg| m.text(lang);
    let m = &props.mapping;
    let emit = |f: Box<dyn Fn(&ColumnMapping, String) -> ColumnMapping>| {
        let (mapping, cb) = (m.clone(), props.on_change.clone());
        Callback::from(move |value: String| cb.emit(f(&mapping, value)))
    };
    let input_value = |e: Event| -> String {
        if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            s.value()
        } else if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            if i.type_() == "checkbox" { i.checked().to_string() } else { i.value() }
        } else {
            String::new()
        }
    };
    let on_apply = {
        let cb = props.on_apply.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <details class="mapping-editor" data-testid="mapping-editor">
            <summary>{ t(ImportMsg::Mapping) }</summary>
            <p class="subtle">{ t(ImportMsg::MappingIntro) }</p>
            <div class="mapping-grid">
                { for FIELDS.iter().enumerate().map(|(index, (field, label))| {
                    let (column, duration) = current(m, *field);
                    let id = format!("map-field-{index}");
                    let on_select = emit(Box::new(move |m, v| set_column(m, index, (!v.is_empty()).then_some(v))));
                    let on_select = Callback::from(move |e: Event| on_select.emit(input_value(e)));
                    html! {
                        <div class="mapping-row">
                            <label for={id.clone()}>{ t(*label) }</label>
                            <select id={id} onchange={on_select}>
                                <option value="" selected={column.is_none()}>{ t(ImportMsg::NotUsed) }</option>
                                { for props.columns.iter().map(|c| html! {
                                    <option value={c.clone()} selected={column.as_deref() == Some(c.as_str())}>{ c }</option>
                                }) }
                            </select>
                            if let Some(is_duration) = duration {
                                <label class="inline">
                                    <input type="checkbox" checked={is_duration} disabled={column.is_none()} onchange={{
                                        let on = emit(Box::new(move |m, v| set_duration(m, index, v == "true")));
                                        Callback::from(move |e: Event| on.emit(input_value(e)))
                                    }} />
                                    { t(ImportMsg::IsDuration) }
                                </label>
                            }
                        </div>
                    }
                }) }
            </div>
            <fieldset>
                <legend>{ t(ImportMsg::PriorityValues) }</legend>
                { for m.priority_values.iter().enumerate().map(|(i, rule)| {
                    let set_from = emit(Box::new(move |m, v| { let mut m = m.clone(); if let Some(r) = m.priority_values.get_mut(i) { r.from = v } m }));
                    let set_to = emit(Box::new(move |m, v| { let mut m = m.clone(); if let Some(r) = m.priority_values.get_mut(i) { r.to = v } m }));
                    let remove = emit(Box::new(move |m, _| { let mut m = m.clone(); if i < m.priority_values.len() { m.priority_values.remove(i); } m }));
                    html! { <div class="rule-row">
                        <label>{ t(ImportMsg::From) }<input type="text" value={rule.from.clone()} onchange={Callback::from(move |e: Event| set_from.emit(input_value(e)))} /></label>
                        <label>{ t(ImportMsg::To) }<input type="text" value={rule.to.clone()} onchange={Callback::from(move |e: Event| set_to.emit(input_value(e)))} /></label>
                        <button type="button" class="secondary small" onclick={Callback::from(move |_| remove.emit(String::new()))}>{ t(ImportMsg::Remove) }</button>
                    </div> }
                }) }
                <button type="button" class="secondary small" onclick={{
                    let add = emit(Box::new(|m, _| { let mut m = m.clone(); m.priority_values.push(ValueRule { from: String::new(), to: "P1".into() }); m }));
                    Callback::from(move |_| add.emit(String::new()))
                }}>{ t(ImportMsg::AddRule) }</button>
            </fieldset>
            <fieldset>
                <legend>{ t(ImportMsg::ImpactValues) }</legend>
                { for m.impact_values.iter().enumerate().map(|(i, rule)| {
                    let set_from = emit(Box::new(move |m, v| { let mut m = m.clone(); if let Some(r) = m.impact_values.get_mut(i) { r.from = v } m }));
                    let set_impact = emit(Box::new(move |m, v| {
                        let mut m = m.clone();
                        if let (Some(r), Some(imp)) = (m.impact_values.get_mut(i), Impact::from_key(&v)) { r.impact = imp }
                        m
                    }));
                    let remove = emit(Box::new(move |m, _| { let mut m = m.clone(); if i < m.impact_values.len() { m.impact_values.remove(i); } m }));
                    html! { <div class="rule-row">
                        <label>{ t(ImportMsg::From) }<input type="text" value={rule.from.clone()} onchange={Callback::from(move |e: Event| set_from.emit(input_value(e)))} /></label>
                        <label>{ t(ImportMsg::To) }
                            <select onchange={Callback::from(move |e: Event| set_impact.emit(input_value(e)))}>
                                { for Impact::ALL.into_iter().map(|x| html! { <option value={x.key()} selected={x == rule.impact}>{ impact_text(x, lang) }</option> }) }
                            </select>
                        </label>
                        <button type="button" class="secondary small" onclick={Callback::from(move |_| remove.emit(String::new()))}>{ t(ImportMsg::Remove) }</button>
                    </div> }
                }) }
                <button type="button" class="secondary small" onclick={{
                    let add = emit(Box::new(|m, _| { let mut m = m.clone(); m.impact_values.push(ImpactRule { from: String::new(), impact: Impact::FullOutage }); m }));
                    Callback::from(move |_| add.emit(String::new()))
                }}>{ t(ImportMsg::AddRule) }</button>
            </fieldset>
            <p><button type="button" onclick={on_apply} data-testid="apply-mapping">{ t(ImportMsg::ApplyMapping) }</button></p>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_duration_flags_are_set_per_field() {
        let m = ColumnMapping::default();
        let m = set_column(&m, 0, Some("opened".into()));
        assert_eq!(m.start.as_deref(), Some("opened"));
        let m = set_column(&m, 1, Some("mins".into()));
        assert_eq!(m.restored, Some(TimeSource::At("mins".into())));
        let m = set_duration(&m, 1, true);
        assert_eq!(m.restored, Some(TimeSource::After { column: "mins".into(), unit: NumberUnit::Seconds }));
        let m = set_column(&m, 1, Some("dur".into()));
        assert!(matches!(m.restored, Some(TimeSource::After { ref column, .. }) if column == "dur"));
        let m = set_column(&m, 1, None);
        assert_eq!(m.restored, None);
        assert_eq!(set_column(&m, 99, Some("x".into())), m, "an unknown field changes nothing");
    }
}
