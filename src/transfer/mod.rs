//! Bringing a team's portfolio in and taking it out: reading CSV and Excel files as offices save
//! them, recognising CRM export columns, importing all or nothing, and exporting in the same shape.

pub mod columns;
pub mod export;
pub mod import;
pub mod table;
pub mod values;
