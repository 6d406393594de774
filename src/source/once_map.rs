//! Values computed once per key and shared: the first thread to ask computes, any other asking
//! meanwhile waits for it, so rules running in parallel never repeat an analysis.
//!
//! A computation must not itself wait for rayon work: a waiting worker may pick up a task that
//! asks for the very value it is computing, and block on itself.

use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// A few keyed values (a list: a document holds a handful).
pub struct OnceMap<K, V>(Mutex<Vec<(K, Arc<OnceLock<V>>)>>);

impl<K, V> Default for OnceMap<K, V> {
    fn default() -> Self {
        OnceMap(Mutex::default())
    }
}

impl<K: PartialEq + Clone, V: Clone> OnceMap<K, V> {
    /// The value for `key`, from `init` if no one computed it yet.
    pub fn get_or_init(&self, key: &K, init: impl FnOnce() -> V) -> V {
        let slot = {
            let mut slots = self.0.lock().unwrap_or_else(PoisonError::into_inner);
            match slots.iter().find(|(k, _)| k == key) {
                Some((_, slot)) => Arc::clone(slot),
                None => {
                    let slot = Arc::new(OnceLock::new());
                    slots.push((key.clone(), Arc::clone(&slot)));
                    slot
                }
            }
        };
        // Computed without the list locked: a value may be computed from another one.
        slot.get_or_init(init).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_once_per_key_even_when_asked_at_once() {
        let map = OnceMap::<&str, usize>::default();
        let runs = std::sync::atomic::AtomicUsize::new(0);
        let ask = |key| {
            map.get_or_init(&key, || {
                runs.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(20));
                key.len()
            })
        };
        let (a, b) = rayon::join(|| ask("abc"), || ask("abc"));
        assert_eq!((a, b, ask("de")), (3, 3, 2));
        assert_eq!(runs.load(std::sync::atomic::Ordering::SeqCst), 2);
    }
}
