//! What belongs to each unit: its sub-units, roles, projects and demands, found in one
//! pass over the model through what validation resolved, so that no unit page walks every
//! entity (that would be quadratic in the number of units).

use crate::model::{EntityKind as K, Model, Ref};
use crate::source::FileId;

/// Indices into the model's lists, in the model's order.
#[derive(Clone, Default)]
pub struct UnitMembers {
    pub children: Vec<usize>,
    pub roles: Vec<usize>,
    pub projects: Vec<usize>,
    pub demands: Vec<usize>,
}

/// One entry per unit of the model, at the unit's index.
pub fn by_unit(model: &Model) -> Vec<UnitMembers> {
    let mut members = vec![UnitMembers::default(); model.units.len()];
    let unit_of = |file: FileId, reference: &Ref| model.target(file, reference, &[K::Unit]).map(|(_, index)| index);
    for (index, unit) in model.units.iter().enumerate() {
        if let Some(parent) = unit.parent.as_ref().and_then(|p| unit_of(unit.origin.file, p)) {
            members[parent].children.push(index);
        }
    }
    for (index, role) in model.roles.iter().enumerate() {
        if let Some(unit) = role.unit.as_ref().and_then(|u| unit_of(role.origin.file, u)) {
            members[unit].roles.push(index);
        }
    }
    for (index, project) in model.projects.iter().enumerate() {
        if let Some(unit) = unit_of(project.origin.file, &project.unit) {
            members[unit].projects.push(index);
        }
    }
    for (index, demand) in model.demands.iter().enumerate() {
        if let Some(unit) = unit_of(demand.origin.file, &demand.unit) {
            members[unit].demands.push(index);
        }
    }
    members
}
