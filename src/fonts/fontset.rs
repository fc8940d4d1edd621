//! [`FontSet`]: the faces one run may draw with (bundled, added, system) and the answer to
//! "which face draws this character".

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError, RwLock};

use super::FontError;
use super::bundled::{self, BundledFace};
use super::collection;
use super::coverage::{self, CmapCoverage, CmapLookup, Coverage, CoverageReport};

/// Shared font bytes, as krilla's `Data` and fontdb's `Source::Binary` take them.
pub type SharedBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A face of one [`FontSet`]; valid only for the set that returned it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FaceId(u32);

impl FaceId {
    /// Position of the face in [`FontSet::faces`].
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for FaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "face #{}", self.0)
    }
}

/// Where a face came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaceOrigin {
    /// Compiled into the library ([`bundled::faces`]).
    Bundled(&'static BundledFace),
    /// Given with `--font FILE` or found under `--font-dir DIR`.
    Added(PathBuf),
    /// Found among the system fonts.
    System(PathBuf),
}

/// What is known about a face without reading its glyphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaceInfo {
    /// Family name (typographic family, name ID 16, else 1), English where the font has it.
    pub family: String,
    pub post_script_name: String,
    /// `usWeightClass`: 400 regular, 700 bold.
    pub weight: u16,
    pub italic: bool,
    pub origin: FaceOrigin,
    /// Face index inside the file (TrueType/OpenType collections hold several).
    pub index: u32,
}

impl FaceInfo {
    /// The bundled short name ([`bundled::SERIF`], [`bundled::SANS_BOLD`]) if this face is bundled.
    pub fn bundled(&self) -> Option<&'static str> {
        match self.origin {
            FaceOrigin::Bundled(b) => Some(b.name),
            _ => None,
        }
    }

    /// The file the face was loaded from, if any.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            FaceOrigin::Bundled(_) => None,
            FaceOrigin::Added(p) | FaceOrigin::System(p) => Some(p),
        }
    }
}

/// The bytes of a face's file and the face's index in it, for backends (krilla, DOCX/EPUB
/// embedding after [`subset`](super::subset)).
#[derive(Clone)]
pub struct FaceData {
    bytes: SharedBytes,
    index: u32,
}

impl FaceData {
    pub fn bytes(&self) -> &[u8] {
        (*self.bytes).as_ref()
    }

    /// The same bytes, shared: `krilla::Data::from(face_data.shared())`.
    pub fn shared(&self) -> SharedBytes {
        self.bytes.clone()
    }

    pub fn index(&self) -> u32 {
        self.index
    }
}

impl fmt::Debug for FaceData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FaceData")
            .field("len", &self.bytes().len())
            .field("index", &self.index)
            .finish()
    }
}

/// The face a text element asks for: a bundled face name or a family name, plus weight.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FaceRequest {
    /// A bundled name ([`bundled::SERIF`], [`bundled::SANS_BOLD`]) or a family name;
    /// `None`: the bundled face nearest in weight.
    pub family: Option<String>,
    /// CSS-like weight, 100–900.
    pub weight: u16,
    pub italic: bool,
}

impl Default for FaceRequest {
    fn default() -> Self {
        Self {
            family: None,
            weight: 400,
            italic: false,
        }
    }
}

impl FaceRequest {
    /// Family (or bundled name) at weight 400.
    pub fn family(family: impl Into<String>) -> Self {
        Self {
            family: Some(family.into()),
            ..Self::default()
        }
    }

    /// The bundled body face (Song).
    pub fn body() -> Self {
        Self::family(bundled::SERIF)
    }

    /// The bundled headline and dateline face (bold Hei).
    pub fn heading() -> Self {
        Self::family(bundled::SANS_BOLD).with_weight(700)
    }

    pub fn with_weight(mut self, weight: u16) -> Self {
        self.weight = weight;
        self
    }

    pub fn with_italic(mut self, italic: bool) -> Self {
        self.italic = italic;
        self
    }
}

/// East-Asian-width "ambiguous" punctuation that Chinese text must draw with a CJK face even when
/// the requested face is a Latin one that has it (docs/typography.md §1, typst's list plus `―`).
pub fn forces_cjk_face(ch: char) -> bool {
    matches!(
        ch,
        '\u{00B7}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2025}'..='\u{2027}' | '\u{2E3A}'
    )
}

struct Face {
    info: FaceInfo,
    db_id: fontdb::ID,
    /// Bundled faces only: their static bytes.
    bytes: Option<SharedBytes>,
    coverage: OnceLock<Coverage>,
}

/// A database and the faces taken from it, in set order.
struct Layer {
    db: fontdb::Database,
    faces: Vec<Face>,
}

struct Inner {
    /// Bundled, `--font` and `--font-dir` faces.
    base: Layer,
    /// System faces, after `base` in set order. Scanned on first need — a character no base face
    /// has, a family the base does not hold, a listing of every face — so a run whose text the
    /// bundled faces cover never pays for the scan (several ms with a CJK collection installed).
    system: Option<OnceLock<Layer>>,
    /// (file, face index) of the base faces, so a system face already added is not taken twice.
    base_files: HashSet<(PathBuf, u32)>,
    resolved: RwLock<HashMap<FaceRequest, Option<FaceId>>>,
    /// Fallback answer per (character, requested weight).
    fallback: RwLock<HashMap<(char, u16), Option<FaceId>>>,
    /// Files of added/system faces read so far (a collection's faces share one read).
    files: Mutex<HashMap<PathBuf, SharedBytes>>,
}

/// The faces of one run: built once, shared read-only (Send + Sync; cloning copies an `Arc`).
///
/// Order, which is also the fallback order: bundled faces, `--font` files, `--font-dir` faces,
/// system faces.
#[derive(Clone)]
pub struct FontSet {
    inner: Arc<Inner>,
}

impl fmt::Debug for FontSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FontSet")
            .field("base faces", &self.inner.base.faces.len())
            .field(
                "system faces",
                &self
                    .inner
                    .system
                    .as_ref()
                    .and_then(|s| s.get())
                    .map(|l| l.faces.len()),
            )
            .finish()
    }
}

/// Builds a [`FontSet`]; see [`FontSet::builder`].
#[derive(Debug, Clone)]
pub struct FontSetBuilder {
    bundled: bool,
    system: bool,
    files: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
}

impl FontSetBuilder {
    /// Include the bundled faces (default true; there are none without `embedded-fonts`).
    pub fn bundled(mut self, on: bool) -> Self {
        self.bundled = on;
        self
    }

    /// Include the system fonts found through fontconfig's directories (default true).
    pub fn system(mut self, on: bool) -> Self {
        self.system = on;
        self
    }

    /// Add every face of a font file (`--font FILE`); may be repeated.
    pub fn font_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.files.push(path.into());
        self
    }

    /// Add every font under a directory, recursively (`--font-dir DIR`); may be repeated.
    pub fn font_dir(mut self, path: impl Into<PathBuf>) -> Self {
        self.dirs.push(path.into());
        self
    }

    pub fn build(self) -> Result<FontSet, FontError> {
        let mut db = fontdb::Database::new();
        let mut faces: Vec<Face> = Vec::new();
        let mut seen = Seen::default();

        if self.bundled {
            for b in bundled::faces() {
                let bytes: SharedBytes = Arc::new(b.data);
                let ids = db.load_font_source(fontdb::Source::Binary(bytes.clone()));
                for id in ids {
                    let info = db.face(id).expect("just loaded");
                    faces.push(Face::new(info, FaceOrigin::Bundled(b), Some(bytes.clone())));
                    seen.ids.insert(id);
                }
            }
        }
        for path in &self.files {
            collection::check(path)?;
            let before = db.len();
            db.load_font_file(path).map_err(|source| FontError::Io {
                path: path.clone(),
                source,
            })?;
            if db.len() == before {
                return Err(FontError::NoFaces { path: path.clone() });
            }
            seen.adopt(&mut db, &mut faces, FaceOrigin::Added);
        }
        for dir in &self.dirs {
            if !dir.is_dir() {
                return Err(FontError::NotADirectory { path: dir.clone() });
            }
            let before = db.len();
            for path in collection::files_under(dir)? {
                collection::check(&path)?;
                // A file fontdb cannot parse is passed over, as before; the folder as a whole
                // must give at least one face.
                let _ = db.load_font_file(&path);
            }
            if db.len() == before {
                return Err(FontError::NoFaces { path: dir.clone() });
            }
            seen.adopt(&mut db, &mut faces, FaceOrigin::Added);
        }
        let set = FontSet {
            inner: Arc::new(Inner {
                base: Layer { db, faces },
                system: self.system.then(OnceLock::new),
                base_files: seen.files,
                resolved: RwLock::default(),
                fallback: RwLock::default(),
                files: Mutex::default(),
            }),
        };
        // Only a set with no base faces needs the system scan now, to know whether it is empty.
        if set.inner.base.faces.is_empty() && set.is_empty() {
            return Err(FontError::EmptySet);
        }
        Ok(set)
    }
}

impl Layer {
    /// The system's fonts, less the faces `base_files` already holds.
    fn system(base_files: &HashSet<(PathBuf, u32)>) -> Self {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut seen = Seen {
            ids: HashSet::new(),
            files: base_files.clone(),
        };
        let mut faces = Vec::new();
        seen.adopt(&mut db, &mut faces, FaceOrigin::System);
        Layer { db, faces }
    }
}

/// Faces already taken into the set, by database id and by (file, face index).
#[derive(Default)]
struct Seen {
    ids: HashSet<fontdb::ID>,
    files: HashSet<(PathBuf, u32)>,
}

impl Seen {
    /// Appends the faces of `db` not seen yet, in database order. A face whose file and index
    /// are already in the set (a `--font` file that is also a system font, a file reached twice
    /// through symlinks) is removed from `db` so queries cannot answer with it.
    fn adopt(
        &mut self,
        db: &mut fontdb::Database,
        faces: &mut Vec<Face>,
        origin: fn(PathBuf) -> FaceOrigin,
    ) {
        let mut duplicates = Vec::new();
        for info in db.faces() {
            if !self.ids.insert(info.id) {
                continue;
            }
            let path = match &info.source {
                fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                fontdb::Source::Binary(_) => PathBuf::new(),
            };
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if self.files.insert((key, info.index)) {
                faces.push(Face::new(info, origin(path), None));
            } else {
                duplicates.push(info.id);
            }
        }
        for id in duplicates {
            db.remove_face(id);
        }
    }
}

impl Face {
    fn new(info: &fontdb::FaceInfo, origin: FaceOrigin, bytes: Option<SharedBytes>) -> Self {
        let family = info
            .families
            .first()
            .map(|(name, _)| name.clone())
            .unwrap_or_default();
        Face {
            info: FaceInfo {
                family,
                post_script_name: info.post_script_name.clone(),
                weight: info.weight.0,
                italic: info.style != fontdb::Style::Normal,
                origin,
                index: info.index,
            },
            db_id: info.id,
            bytes,
            coverage: OnceLock::new(),
        }
    }
}

fn read_lock<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(PoisonError::into_inner)
}

fn write_lock<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(PoisonError::into_inner)
}

impl FontSet {
    /// Defaults: bundled faces on, system fonts on, nothing added.
    pub fn builder() -> FontSetBuilder {
        FontSetBuilder {
            bundled: true,
            system: true,
            files: Vec::new(),
            dirs: Vec::new(),
        }
    }

    /// The system layer, scanned now if it was not yet; `None` without system fonts.
    fn system(&self) -> Option<&Layer> {
        let base_files = &self.inner.base_files;
        self.inner
            .system
            .as_ref()
            .map(|s| s.get_or_init(|| Layer::system(base_files)))
    }

    /// The system layer if it has been scanned.
    fn system_if_loaded(&self) -> Option<&Layer> {
        self.inner.system.as_ref().and_then(OnceLock::get)
    }

    fn layered<'a>(
        base: &'a Layer,
        system: Option<&'a Layer>,
    ) -> impl Iterator<Item = (FaceId, &'a Face)> {
        base.faces
            .iter()
            .chain(system.into_iter().flat_map(|l| l.faces.iter()))
            .enumerate()
            .map(|(i, f)| (FaceId(i as u32), f))
    }

    /// A face and the layer (database) it belongs to; scans the system fonts only for an id
    /// past the base faces.
    fn face(&self, id: FaceId) -> Option<(&Layer, &Face)> {
        let base = &self.inner.base;
        match id.index().checked_sub(base.faces.len()) {
            None => Some((base, &base.faces[id.index()])),
            Some(i) => {
                let system = self.system()?;
                Some((system, system.faces.get(i)?))
            }
        }
    }

    /// All faces in set (and fallback) order. Lists the system faces too, scanning them if
    /// that has not happened yet.
    pub fn faces(&self) -> impl Iterator<Item = (FaceId, &FaceInfo)> + '_ {
        Self::layered(&self.inner.base, self.system()).map(|(id, f)| (id, &f.info))
    }

    /// The faces loaded so far: the base faces, and the system faces if they have been scanned.
    /// Every face an answer of this set has named is among them.
    pub(crate) fn loaded_faces(&self) -> impl Iterator<Item = (FaceId, &FaceInfo)> + '_ {
        Self::layered(&self.inner.base, self.system_if_loaded()).map(|(id, f)| (id, &f.info))
    }

    pub fn len(&self) -> usize {
        self.inner.base.faces.len() + self.system().map_or(0, |l| l.faces.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn info(&self, id: FaceId) -> Option<&FaceInfo> {
        self.face(id).map(|(_, f)| &f.info)
    }

    /// The bundled face with this short name, if it is in the set (bundled faces are base faces).
    pub fn bundled_face(&self, name: &str) -> Option<FaceId> {
        Self::layered(&self.inner.base, None)
            .find(|(_, f)| f.info.bundled() == Some(name))
            .map(|(id, _)| id)
    }

    /// Whether the face maps `ch` to a glyph. A bundled face's `cmap` is searched in place; any
    /// other face's is read whole on first use.
    pub fn covers(&self, id: FaceId, ch: char) -> bool {
        self.coverage_of(id).is_some_and(|c| c.contains(ch))
    }

    /// Number of code points the face maps (walks a bundled face's whole `cmap` on each call).
    pub fn code_points(&self, id: FaceId) -> usize {
        self.coverage_of(id).map_or(0, Coverage::len)
    }

    fn coverage_of(&self, id: FaceId) -> Option<&Coverage> {
        let (layer, face) = self.face(id)?;
        Some(face.coverage.get_or_init(|| {
            match face.info.origin {
                FaceOrigin::Bundled(b) => {
                    Coverage::Lookup(CmapLookup::new(b.data, face.info.index))
                }
                _ => Coverage::Ranges(
                    layer
                        .db
                        .with_face_data(face.db_id, CmapCoverage::from_font)
                        .unwrap_or_default(),
                ),
            }
        }))
    }

    /// A face with Han characters and Chinese punctuation.
    fn is_cjk(&self, id: FaceId) -> bool {
        self.covers(id, '中') && self.covers(id, '。')
    }

    /// The face a request names, if the set has it: a bundled name, else a family matched by
    /// fontdb's CSS rules (nearest weight within the family); no family: the bundled face nearest
    /// in weight. Cached.
    pub fn resolve(&self, request: &FaceRequest) -> Option<FaceId> {
        if let Some(hit) = read_lock(&self.inner.resolved).get(request) {
            return *hit;
        }
        let found = match request.family.as_deref() {
            Some(name) => self.bundled_face(name).or_else(|| {
                let families = [fontdb::Family::Name(name)];
                let query = fontdb::Query {
                    families: &families,
                    weight: fontdb::Weight(request.weight),
                    stretch: fontdb::Stretch::Normal,
                    style: if request.italic {
                        fontdb::Style::Italic
                    } else {
                        fontdb::Style::Normal
                    },
                };
                // Base faces first; the system fonts are scanned only for a family the base
                // does not hold.
                let in_layer = |layer: &Layer, offset: usize| {
                    let db_id = layer.db.query(&query)?;
                    layer
                        .faces
                        .iter()
                        .position(|f| f.db_id == db_id)
                        .map(|i| FaceId((offset + i) as u32))
                };
                in_layer(&self.inner.base, 0)
                    .or_else(|| in_layer(self.system()?, self.inner.base.faces.len()))
            }),
            None => self
                .by_weight(request.weight, |info| info.bundled().is_some())
                .next(),
        };
        write_lock(&self.inner.resolved).insert(request.clone(), found);
        found
    }

    /// Base faces passing `keep`: bundled ones nearest in weight first, then the others in set
    /// order. (The system faces follow them all in set order: see [`Self::system_ids`].)
    fn by_weight(
        &self,
        weight: u16,
        keep: impl Fn(&FaceInfo) -> bool,
    ) -> impl Iterator<Item = FaceId> + '_ {
        let mut ids: Vec<(u8, u16, FaceId)> = Self::layered(&self.inner.base, None)
            .map(|(id, f)| (id, &f.info))
            .filter(|(_, info)| keep(info))
            .map(|(id, info)| match info.bundled() {
                Some(_) => (0, info.weight.abs_diff(weight), id),
                None => (1, 0, id),
            })
            .collect();
        ids.sort(); // stable key: (bundled first, weight distance, set order)
        ids.into_iter().map(|(_, _, id)| id)
    }

    /// Which face draws `ch` for text that asks for `preferred`: the preferred face if it has the
    /// glyph (but a CJK face for [`forces_cjk_face`] marks when the preferred face is not CJK),
    /// else the bundled faces nearest in weight, else added and system faces in set order.
    /// `None`: no face has the glyph.
    pub fn face_for(&self, ch: char, preferred: &FaceRequest) -> Option<FaceId> {
        if let Some(p) = self.resolve(preferred)
            && self.covers(p, ch)
            && (!forces_cjk_face(ch) || self.is_cjk(p))
        {
            return Some(p);
        }
        self.fallback(ch, preferred.weight)
    }

    /// The system faces' ids in set order (scanning them if needed).
    fn system_ids(&self) -> impl Iterator<Item = FaceId> + '_ {
        let base = self.inner.base.faces.len();
        let n = self.system().map_or(0, |l| l.faces.len());
        (base..base + n).map(|i| FaceId(i as u32))
    }

    fn fallback(&self, ch: char, weight: u16) -> Option<FaceId> {
        let key = (ch, weight);
        if let Some(hit) = read_lock(&self.inner.fallback).get(&key) {
            return *hit;
        }
        // The order of by_weight then system_ids is the set's fallback order; the system fonts
        // are scanned only when no base face has the character.
        let find = |ok: &dyn Fn(FaceId) -> bool| {
            self.by_weight(weight, |_| true)
                .find(|&id| ok(id))
                .or_else(|| self.system_ids().find(|&id| ok(id)))
        };
        let mut found = None;
        if forces_cjk_face(ch) {
            found = find(&|id| self.is_cjk(id) && self.covers(id, ch));
        }
        if found.is_none() {
            found = find(&|id| self.covers(id, ch));
        }
        write_lock(&self.inner.fallback).insert(key, found);
        found
    }

    /// The face's file bytes and index. Bundled faces are static; other files are read on first
    /// use and kept for the life of the set.
    pub fn data(&self, id: FaceId) -> Result<FaceData, FontError> {
        let (layer, face) = self.face(id).ok_or(FontError::UnknownFace(id))?;
        let index = face.info.index;
        if let Some(bytes) = &face.bytes {
            return Ok(FaceData {
                bytes: bytes.clone(),
                index,
            });
        }
        let (source, index) = layer
            .db
            .face_source(face.db_id)
            .ok_or(FontError::UnknownFace(id))?;
        let bytes = match source {
            fontdb::Source::Binary(b) | fontdb::Source::SharedFile(_, b) => b,
            fontdb::Source::File(path) => {
                let mut files = self
                    .inner
                    .files
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                match files.get(&path) {
                    Some(b) => b.clone(),
                    None => {
                        let data = std::fs::read(&path).map_err(|source| FontError::Io {
                            path: path.clone(),
                            source,
                        })?;
                        let b: SharedBytes = Arc::new(data);
                        files.insert(path, b.clone());
                        b
                    }
                }
            }
        };
        Ok(FaceData { bytes, index })
    }

    /// Coverage of a document: `items` are `(location, text)` pairs such as
    /// `("article 3, paragraph 2", "…")`; characters are looked up as [`face_for`](Self::face_for)
    /// does with `request`. Call once per document; [`CoverageReport::warning`] is the value to
    /// report.
    pub fn coverage<I, L, T>(&self, items: I, request: &FaceRequest) -> CoverageReport
    where
        I: IntoIterator<Item = (L, T)>,
        L: AsRef<str>,
        T: AsRef<str>,
    {
        coverage::report(self, items, request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_set_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<FontSet>();
        assert_send_sync::<FaceData>();
    }

    #[test]
    fn ambiguous_marks_force_cjk() {
        for ch in "“”‘’·—…―–".chars() {
            assert!(forces_cjk_face(ch), "{ch}");
        }
        for ch in "a,.中\"'".chars() {
            assert!(!forces_cjk_face(ch), "{ch}");
        }
    }

    #[test]
    fn empty_set_is_an_error() {
        let err = FontSet::builder()
            .bundled(false)
            .system(false)
            .build()
            .unwrap_err();
        assert!(matches!(err, FontError::EmptySet), "{err}");
    }

    #[test]
    fn missing_font_file_is_an_error_naming_it() {
        let err = FontSet::builder()
            .system(false)
            .font_file("/nonexistent/x.ttf")
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("/nonexistent/x.ttf"), "{err}");
    }

    #[test]
    fn not_a_directory_is_an_error() {
        let err = FontSet::builder()
            .system(false)
            .font_dir("Cargo.toml")
            .build()
            .unwrap_err();
        assert!(matches!(err, FontError::NotADirectory { .. }), "{err}");
    }

    #[cfg(feature = "embedded-fonts")]
    mod bundled_faces {
        use super::*;

        fn set() -> FontSet {
            FontSet::builder().system(false).build().unwrap()
        }

        #[test]
        fn requests_resolve_to_bundled_faces() {
            let set = set();
            let serif = set.bundled_face(bundled::SERIF).unwrap();
            let bold = set.bundled_face(bundled::SANS_BOLD).unwrap();
            assert_eq!(set.resolve(&FaceRequest::body()), Some(serif));
            assert_eq!(set.resolve(&FaceRequest::heading()), Some(bold));
            assert_eq!(set.resolve(&FaceRequest::default()), Some(serif));
            assert_eq!(
                set.resolve(&FaceRequest::default().with_weight(700)),
                Some(bold)
            );
            assert_eq!(
                set.resolve(&FaceRequest::family(bundled::SERIF_FAMILY)),
                Some(serif)
            );
            assert_eq!(set.resolve(&FaceRequest::family("No Such Family")), None);
            assert_eq!(set.info(serif).unwrap().family, bundled::SERIF_FAMILY);
            assert_eq!(set.info(bold).unwrap().weight, 700);
        }

        #[test]
        fn unknown_family_falls_back_to_bundled_by_weight() {
            let set = set();
            let serif = set.bundled_face(bundled::SERIF);
            let bold = set.bundled_face(bundled::SANS_BOLD);
            let latin = FaceRequest::family("Times New Roman");
            assert_eq!(set.face_for('中', &latin), serif);
            assert_eq!(set.face_for('中', &latin.clone().with_weight(700)), bold);
            assert_eq!(set.face_for('\u{2020C}', &latin), None);
        }

        #[test]
        fn data_of_bundled_face_is_the_embedded_file() {
            let set = set();
            let id = set.bundled_face(bundled::SERIF).unwrap();
            let data = set.data(id).unwrap();
            assert_eq!(data.bytes(), bundled::face(bundled::SERIF).unwrap().data);
            assert_eq!(data.index(), 0);
            assert!(set.data(FaceId(99)).is_err());
        }
    }
}
