//! Running many documents at once: worker threads sharing one [`crate::Engine`], and refusing
//! runs whose outputs would overwrite each other.

use crate::error::{Error, Result};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Stack of each worker thread (typst's layout recurses deeply).
pub const WORKER_STACK: usize = 32 << 20;

/// Runs `f` on every item with `jobs` worker threads (default: one per core), results in
/// item order. Plain threads, not rayon's pool: typst uses rayon inside, and a worker waiting
/// inside one document must not pick up another one (documents would nest on its stack).
pub fn parallel<T: Sync, R: Send>(
    items: &[T],
    jobs: Option<usize>,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let jobs = jobs
        .filter(|&j| j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let worker = || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
            };
            std::thread::Builder::new()
                .stack_size(WORKER_STACK)
                .spawn_scoped(scope, worker)
                .expect("worker thread");
        }
    });
    slots
        .into_iter()
        .map(|s| {
            s.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .expect("every item ran")
        })
        .collect()
}

/// Refuses a run in which two inputs would write the same output file, before any work starts.
/// `what` names the inputs in the message (规格文件, 机关资料).
pub fn refuse_collisions<'a>(
    items: impl Iterator<Item = (&'a Path, String)>,
    what: &str,
) -> Result<()> {
    let mut seen: HashMap<String, &Path> = HashMap::new();
    let mut clashes = Vec::new();
    for (path, name) in items {
        if let Some(first) = seen.insert(name.clone(), path) {
            clashes.push(format!(
                "{} 与 {} 都会写出 {name}",
                first.display(),
                path.display()
            ));
        }
    }
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(Error::Derive(format!(
            "{what}的输出文件名重复，未做任何处理（请改名或分开输出）：\n{}",
            clashes.join("\n")
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_keeps_item_order_whatever_the_worker_count() {
        let items: Vec<usize> = (0..37).collect();
        for jobs in [None, Some(1), Some(3), Some(100)] {
            let out = parallel(&items, jobs, |&i| i * 2);
            assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn two_inputs_writing_one_output_are_refused_with_both_names() {
        let (a, b) = (Path::new("a/x.toml"), Path::new("b/x.toml"));
        let err = refuse_collisions([(a, "x".into()), (b, "x".into())].into_iter(), "规格文件")
            .unwrap_err()
            .to_string();
        assert!(err.contains("a/x.toml 与 b/x.toml 都会写出 x"), "{err}");
        assert!(
            refuse_collisions([(a, "x".into()), (b, "y".into())].into_iter(), "规格文件").is_ok()
        );
    }
}
