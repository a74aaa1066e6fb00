fn main() { eprintln!("sla: not built yet"); std::process::exit(2) }
