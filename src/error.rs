pub enum Error {}
