//! Credits as newsrooms write them, in bylines `（融媒体中心 郭龙君）` and after datelines
//! `本报讯（记者 张三 通讯员 李四）`: organisations, roles and names.

use crate::model::Credit;

use super::chars::{is_han, is_space};

/// Roles, longest first so `见习记者` is not read as `见习` + `记者`.
const ROLES: &[&str] = &[
    "责任编辑",
    "責任編輯",
    "见习记者",
    "見習記者",
    "特约记者",
    "特約記者",
    "实习记者",
    "實習記者",
    "首席记者",
    "首席記者",
    "通讯员",
    "通訊員",
    "实习生",
    "實習生",
    "记者",
    "記者",
    "编辑",
    "編輯",
    "摄影",
    "攝影",
    "摄像",
    "攝像",
    "撰稿",
    "编译",
    "編譯",
    "校对",
    "校對",
    "文",
    "图",
    "摄",
    "圖",
    "攝",
];

/// Whether `before` ends with a credit role of two characters or more (`记者`, `通讯员`) or
/// `after` starts with a photographer's `摄` (then the end or a bracket) or `报道`: the space
/// between is the separator of a credit (`记者 张伟 摄`), not a typing slip to remove.
pub fn is_credit_space(before: &[char], after: &[char]) -> bool {
    let role_before = ROLES.iter().any(|r| {
        let r: Vec<char> = r.chars().collect();
        r.len() >= 2 && before.ends_with(&r)
    });
    let photo_after = matches!(after.first(), Some('摄' | '攝'))
        && after
            .get(1)
            .is_none_or(|&c| matches!(c, '）' | ')' | '】') || is_space(c));
    let report_after = after.starts_with(&['报', '道']) || after.starts_with(&['報', '導']);
    role_before || photo_after || report_after
}

/// Endings that make a word an organisation rather than a person: `融媒体中心`, `本报`.
const ORG_ENDINGS: &[&str] = &[
    "中心", "报", "報", "社", "台", "臺", "网", "網", "站", "局", "部", "委", "办", "辦", "院",
    "会", "會", "所", "队", "隊", "处", "處", "厅", "廳", "团", "團", "组", "組", "公司", "集团",
    "集團",
];

/// Parses the inside of a credit bracket. Returns `None` unless every word is an organisation,
/// a role or a plausible name and at least one name is given: a bracketed aside such as
/// `（完）` or `（街道）` is not a credit.
pub fn parse(text: &str) -> Option<Vec<Credit>> {
    let text = text.trim_matches(|c: char| is_space(c));
    if text.is_empty() || text.chars().count() > 60 {
        return None;
    }
    // `記者 陳怡君／臺南報導`: where the story was filed from closes the credit.
    let (text, filed) = match text.rsplit_once(['/', '／']) {
        Some((credit, place)) if is_filed(place) => (credit, Some(place.to_string())),
        _ => (text, None),
    };
    let mut credits: Vec<Credit> = Vec::new();
    let mut open = false;
    for word in text.split(|c: char| is_space(c)).filter(|w| !w.is_empty()) {
        // `文/张三`, `图／李四`: a role and a name in one word.
        if let Some((role, name)) = word.split_once(['/', '／'])
            && ROLES.contains(&role)
        {
            credits.push(Credit {
                organisation: None,
                role: Some(role.to_string()),
                names: names(name)?,
                filed: None,
            });
            open = true;
            continue;
        }
        if let Some(role) = ROLES
            .iter()
            .find(|r| word.ends_with(**r) && word.chars().count() > 0)
        {
            let org = &word[..word.len() - role.len()];
            // `文` and `图` alone are roles only as whole words, never as a name's last char.
            if org.is_empty() || is_org(org) || role.chars().count() > 1 {
                credits.push(Credit {
                    organisation: (!org.is_empty()).then(|| org.to_string()),
                    role: Some(role.to_string()),
                    names: Vec::new(),
                    filed: None,
                });
                open = true;
                continue;
            }
        }
        // `记者张三`, `記者陳怡君`, `本报记者李四`: a role of two characters or more and a name
        // written without a space (a one-character role such as `文` could be a name's first).
        if let Some((org, role, name)) = glued_role(word) {
            credits.push(Credit {
                organisation: org.map(str::to_string),
                role: Some(role.to_string()),
                names: names(name)?,
                filed: None,
            });
            open = true;
            continue;
        }
        if !open && is_org(word) {
            credits.push(Credit {
                organisation: Some(word.to_string()),
                role: None,
                names: Vec::new(),
                filed: None,
            });
            open = true;
            continue;
        }
        let list = names(word)?;
        match credits.last_mut() {
            Some(c) if open => c.names.extend(list),
            _ => {
                credits.push(Credit {
                    organisation: None,
                    role: None,
                    names: list,
                    filed: None,
                });
                open = true;
            }
        }
    }
    if let Some(last) = credits.last_mut() {
        last.filed = filed;
    }
    (!credits.is_empty() && credits.iter().all(|c| !c.names.is_empty())).then_some(credits)
}

/// `臺南報導`, `台北报道`: a place of one to six Han characters and the word for "reported".
fn is_filed(text: &str) -> bool {
    ["報導", "報道", "报道", "报导"].iter().any(|w| {
        text.strip_suffix(w).is_some_and(|place| {
            (1..=6).contains(&place.chars().count()) && place.chars().all(is_han)
        })
    })
}

/// `word` as an optional organisation, a role of two or more characters and a name after it.
fn glued_role(word: &str) -> Option<(Option<&str>, &'static str, &str)> {
    ROLES
        .iter()
        .filter(|r| r.chars().count() >= 2)
        .find_map(|role| {
            let at = word.find(role)?;
            let (org, name) = (&word[..at], &word[at + role.len()..]);
            let org_ok = org.is_empty() || is_org(org);
            (org_ok && names(name).is_some()).then_some((
                (!org.is_empty()).then_some(org),
                *role,
                name,
            ))
        })
}

fn is_org(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().all(is_han)
        && ORG_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// `张三`, `张三、李四`, `阿卜杜·热合曼`: 2–8 Han characters (with an interpunct in
/// transcribed names) each.
fn names(word: &str) -> Option<Vec<String>> {
    let list: Vec<String> = word
        .split(['、', '，', ','])
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
    let ok = !list.is_empty()
        && list.iter().all(|n| {
            let len = n.chars().count();
            (2..=8).contains(&len)
                && n.chars().all(|c| is_han(c) || c == '·')
                && n.chars().next().is_some_and(is_han)
        });
    ok.then_some(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(org: Option<&str>, role: Option<&str>, names: &[&str]) -> Credit {
        Credit {
            organisation: org.map(str::to_string),
            role: role.map(str::to_string),
            names: names.iter().map(|s| s.to_string()).collect(),
            filed: None,
        }
    }

    #[test]
    fn taiwan_bylines_say_where_the_story_was_filed() {
        let mut credit = c(None, Some("記者"), &["陳怡君"]);
        credit.filed = Some("臺南報導".into());
        assert_eq!(parse("記者 陳怡君／臺南報導"), Some(vec![credit.clone()]));
        assert_eq!(credit.display(), "記者 陳怡君／臺南報導");
        let mut glued = c(None, Some("記者"), &["陳怡君"]);
        glued.filed = Some("臺北報導".into());
        assert_eq!(parse("記者陳怡君／臺北報導"), Some(vec![glued]));
        // Not a place: the slash stays part of the words, and they are no credit.
        assert_eq!(parse("記者 陳怡君／今天下午"), None);
    }

    #[test]
    fn a_role_glued_to_its_name() {
        assert_eq!(
            parse("记者张三"),
            Some(vec![c(None, Some("记者"), &["张三"])])
        );
        assert_eq!(
            parse("本报记者李四 通讯员王五"),
            Some(vec![
                c(Some("本报"), Some("记者"), &["李四"]),
                c(None, Some("通讯员"), &["王五"])
            ])
        );
        // A one-character role is no prefix: `文静` is a name.
        assert_eq!(parse("文静"), Some(vec![c(None, None, &["文静"])]));
    }

    #[test]
    fn bylines() {
        assert_eq!(
            parse("融媒体中心 郭龙君"),
            Some(vec![c(Some("融媒体中心"), None, &["郭龙君"])])
        );
        assert_eq!(
            parse("记者 张三 通讯员 李四 王五"),
            Some(vec![
                c(None, Some("记者"), &["张三"]),
                c(None, Some("通讯员"), &["李四", "王五"])
            ])
        );
        assert_eq!(
            parse("本报记者 张三、李四"),
            Some(vec![c(Some("本报"), Some("记者"), &["张三", "李四"])])
        );
        assert_eq!(
            parse("文/张三 图/李四"),
            Some(vec![
                c(None, Some("文"), &["张三"]),
                c(None, Some("图"), &["李四"])
            ])
        );
    }

    #[test]
    fn asides_are_not_credits() {
        assert_eq!(parse("完"), None);
        assert_eq!(parse("记者"), None);
        assert_eq!(parse("National Bureau of Statistics"), None);
        assert_eq!(parse("站、所"), None);
    }
}
