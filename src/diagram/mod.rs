//! The steering-model diagram: levels as bands, bodies and roles as boxes, flows as arrows; SVG from the model.
