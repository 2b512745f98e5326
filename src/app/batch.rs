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
/// item order. Plain threads, not one rayon pool for all: typst uses rayon inside, and a worker
/// waiting inside one document must not pick up another one (documents would nest on its
/// stack). Each worker lays its documents out in a rayon pool of its own, its share of the
/// cores: typst's parallel page runs stay in that pool instead of being handed to the global
/// one and waited for (two workers then waited on each other there, and scaled 1.5×).
pub fn parallel<T: Sync, R: Send>(
    items: &[T],
    jobs: Option<usize>,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = jobs
        .filter(|&j| j > 0)
        .unwrap_or(cores)
        .min(items.len().max(1));
    let share = (cores / jobs).max(1);
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let worker = || {
                let pool = worker_pool(share);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let r = match &pool {
                        Some(pool) => pool.install(|| f(item)),
                        None => f(item),
                    };
                    *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
                }
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

/// A worker's own rayon pool of `threads` threads with typst's stack (none if the system
/// refuses the threads: the worker then runs its documents itself).
fn worker_pool(threads: usize) -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .stack_size(WORKER_STACK)
        .thread_name(|i| format!("gongwen-layout-{i}"))
        .build()
        .ok()
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
