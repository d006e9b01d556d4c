fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = if args.get(2).map(|s| s.as_str()) == Some("en") { ndr_playbooks::Lang::En } else { ndr_playbooks::Lang::Ja };
    let e = ndr_playbooks::lookup_code(&args[1])[0];
    let r = e.explain(lang);
    println!("{}", r.to_plain_text());
    if let Some(m) = r.message { println!("---\n{}\n{}", m.subject, m.body); }
}
