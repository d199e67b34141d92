//! Unit tests of this folder's op families.

use super::*;
