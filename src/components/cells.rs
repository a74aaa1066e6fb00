//! Table cells the page writes over and over, built by one function each.
//!
//! `html!` builds every element inline where it is written, so the same `<th scope="col">` in
//! a hundred places is a hundred copies of the code that builds it. These shapes cover most
//! cells of the page's tables; a cell with anything more (an id, a test id, a span) is written
//! out in `html!` where it is used.

use yew::prelude::*;

/// `<th scope="col">…</th>`: a column header.
pub fn col(child: impl Into<Html>) -> Html {
    col_html(child.into())
}

/// `<th scope="col" class="num">…</th>`: the header of a column of numbers.
pub fn num_col(child: impl Into<Html>) -> Html {
    num_col_html(child.into())
}

/// `<td>…</td>`.
pub fn td(child: impl Into<Html>) -> Html {
    td_html(child.into())
}

/// `<td class="num">…</td>`: a number, right-aligned.
pub fn num(child: impl Into<Html>) -> Html {
    num_html(child.into())
}

#[inline(never)]
fn col_html(child: Html) -> Html {
    html! { <th scope="col">{ child }</th> }
}

#[inline(never)]
fn num_col_html(child: Html) -> Html {
    html! { <th scope="col" class="num">{ child }</th> }
}

#[inline(never)]
fn td_html(child: Html) -> Html {
    html! { <td>{ child }</td> }
}

#[inline(never)]
fn num_html(child: Html) -> Html {
    html! { <td class="num">{ child }</td> }
}
