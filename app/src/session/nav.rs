//! The main navigation: the pages each role sees, by the same role groups that guard them.

use shared::identity::{Role, roles};

use crate::paths;
use crate::ui::chrome::NavItem;

/// The navigation's pages in the order shown, each with the role group its page admits.
/// Every role's home comes first among the pages it sees.
const MENU: [(NavItem, &[Role]); 14] = [
    (
        NavItem {
            path: paths::REGION_REPORT,
            label: "Výkaz sítě",
        },
        roles::REGIONAL,
    ),
    (
        NavItem {
            path: paths::STAFF,
            label: "Pracovníci",
        },
        roles::MANAGERS,
    ),
    (
        NavItem {
            path: paths::TODAY,
            label: "Dnešní návštěvy",
        },
        roles::PROVIDER_STAFF,
    ),
    (
        NavItem {
            path: paths::OFFICE_TODAY,
            label: "Dnes v kanceláři",
        },
        roles::PLANNERS,
    ),
    (
        NavItem {
            path: paths::FAMILY,
            label: "Kdo přijde kdy",
        },
        roles::FAMILY,
    ),
    (
        NavItem {
            path: paths::WEEK,
            label: "Týdenní plán",
        },
        roles::PLANNERS,
    ),
    (
        NavItem {
            path: paths::CLIENTS,
            label: "Klienti",
        },
        roles::PLANNERS,
    ),
    (
        NavItem {
            path: paths::ATTENTION,
            label: "Události z návštěv",
        },
        roles::PLANNERS,
    ),
    (
        NavItem {
            path: paths::AUDIT,
            label: "Záznam přístupů",
        },
        roles::MANAGERS,
    ),
    (
        NavItem {
            path: paths::LECTURER,
            label: "Moje kurzy",
        },
        roles::LECTURERS,
    ),
    (
        NavItem {
            path: paths::TRAINING,
            label: "Školení",
        },
        roles::PROVIDER_STAFF,
    ),
    (
        NavItem {
            path: paths::PROVIDER_REPORT,
            label: "Výkazy",
        },
        roles::MANAGERS_AND_REGIONAL,
    ),
    (
        NavItem {
            path: paths::ACCOUNT,
            label: "Můj účet",
        },
        roles::EVERYONE,
    ),
    (
        NavItem {
            path: paths::TRAINING_REGION,
            label: "Vzdělávání pracovníků",
        },
        roles::REGIONAL,
    ),
];

/// The navigation a role sees: only what the server lets that role do. Home first.
pub fn nav_items(role: Role) -> Vec<NavItem> {
    MENU.iter()
        .filter(|(_, admitted)| admitted.contains(&role))
        .map(|(item, _)| *item)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::state::home_for;

    fn paths_of(role: Role) -> Vec<&'static str> {
        nav_items(role).iter().map(|item| item.path).collect()
    }

    #[test]
    fn each_role_sees_only_the_pages_it_may_open() {
        assert_eq!(paths_of(Role::Caregiver), ["/dnes", "/skoleni", "/ucet"]);
        assert_eq!(
            paths_of(Role::Coordinator),
            [
                "/dnes",
                "/prehled",
                "/tyden",
                "/klienti",
                "/udalosti",
                "/skoleni",
                "/ucet"
            ]
        );
        assert_eq!(
            paths_of(Role::ProviderManager),
            [
                "/pracovnici",
                "/dnes",
                "/prehled",
                "/tyden",
                "/klienti",
                "/udalosti",
                "/audit",
                "/skoleni",
                "/vykazy",
                "/ucet"
            ]
        );
        assert_eq!(paths_of(Role::FamilyMember), ["/rodina", "/ucet"]);
        for role in [Role::RegionOfficer, Role::DataAnalyst] {
            assert_eq!(
                paths_of(role),
                ["/kraj", "/vykazy", "/ucet", "/skoleni/kraj"],
                "{role:?}"
            );
        }
        assert_eq!(paths_of(Role::Lecturer), ["/lektor", "/ucet"]);
    }

    #[test]
    fn the_nav_agrees_with_the_page_guards() {
        let guard = |path: &str| match path {
            "/dnes" => roles::PROVIDER_STAFF,
            "/pracovnici" => roles::MANAGERS,
            "/audit" => roles::MANAGERS,
            "/tyden" => roles::PLANNERS,
            "/prehled" => roles::PLANNERS,
            "/klienti" => roles::PLANNERS,
            "/udalosti" => roles::PLANNERS,
            "/rodina" => roles::FAMILY,
            "/ucet" => roles::EVERYONE,
            "/skoleni" => roles::PROVIDER_STAFF,
            "/skoleni/kraj" => roles::REGIONAL,
            "/lektor" => roles::LECTURERS,
            "/kraj" => roles::REGIONAL,
            "/vykazy" => roles::MANAGERS_AND_REGIONAL,
            other => panic!("no guard for {other}"),
        };
        for role in Role::ALL {
            for item in nav_items(role) {
                assert!(guard(item.path).contains(&role), "{role:?} {}", item.path);
                assert!(!item.label.is_empty());
            }
            assert!(
                guard(home_for(role)).contains(&role),
                "{role:?}'s home is open to them"
            );
        }
    }

    #[test]
    fn each_role_starts_on_its_home() {
        assert_eq!(home_for(Role::Caregiver), "/dnes");
        assert_eq!(home_for(Role::Coordinator), "/dnes");
        assert_eq!(home_for(Role::ProviderManager), "/pracovnici");
        assert_eq!(home_for(Role::FamilyMember), "/rodina");
        assert_eq!(home_for(Role::RegionOfficer), "/kraj");
        assert_eq!(home_for(Role::DataAnalyst), "/kraj");
        assert_eq!(home_for(Role::Lecturer), "/lektor");
        for role in Role::ALL {
            assert_eq!(
                nav_items(role)[0].path,
                home_for(role),
                "home first in the nav"
            );
        }
    }
}
