//! The prioritisation ranking of proposed projects: a weighted sum of their scores, with
//! each criterion's part shown, so the deciding body can see why A ranks above B.

use serde::Serialize;

use crate::model::{Model, Phase};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    pub criterion: String,
    pub name: String,
    pub score: i64,
    /// The criterion's weight as a share of all weights (they need not add up to 1).
    pub weight: f64,
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    pub rank: usize,
    pub project: String,
    pub title: String,
    /// Weighted score on the 0–5 scale of the criteria.
    pub score: f64,
    pub contributions: Vec<Contribution>,
}

/// Projects in phase `antrag`, best first; equal scores keep id order.
pub fn ranking(model: &Model) -> Vec<Ranked> {
    let total_weight: f64 = model.criteria.iter().map(|c| c.weight.get_ref().max(0.0)).sum();
    let mut ranked: Vec<Ranked> = model
        .projects
        .iter()
        .filter(|project| *project.phase.get_ref() == Phase::Antrag)
        .map(|project| {
            let contributions: Vec<Contribution> = model
                .criteria
                .iter()
                .map(|criterion| {
                    let score = project.scores.get(criterion.id.get_ref()).map_or(0, |s| *s.get_ref());
                    let weight =
                        if total_weight > 0.0 { criterion.weight.get_ref().max(0.0) / total_weight } else { 0.0 };
                    Contribution {
                        criterion: criterion.id.get_ref().clone(),
                        name: criterion.name.clone(),
                        score,
                        weight,
                        points: weight * score as f64,
                    }
                })
                .collect();
            let score = contributions.iter().map(|c| c.points).sum();
            Ranked { rank: 0, project: project.id.clone(), title: project.title.clone(), score, contributions }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.project.cmp(&b.project)));
    for (index, entry) in ranked.iter_mut().enumerate() {
        entry.rank = index + 1;
    }
    ranked
}
