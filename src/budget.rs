//! Limits on a run, so that no input makes `gongwen` hang or eat the machine: a time limit per
//! document's layout (an office's own templates are code and may loop) and a memory limit for
//! the process (a template or a spec that grows without end). Either one stops the run with a
//! Chinese message, exit status 1, and the staged output files removed.

use mimalloc::MiMalloc as System;
use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Default time limit of one document's layout, in seconds (the samples take well under one).
pub const DEFAULT_SECONDS: u64 = 60;
/// Default memory limit of the process, in MiB (the largest cascade measured peaks under 100).
pub const DEFAULT_MEMORY_MIB: usize = 4096;

/// Stops the run: the message, the staged files removed, exit status 1.
fn stop(message: &str) -> ! {
    let _ = std::io::stderr().write_all(format!("错误：{message}\n").as_bytes());
    crate::output::remove_staged();
    std::process::exit(1)
}

/// Watches one layout: if it is still running after `limit`, the run is stopped. Dropping the
/// watch (the layout finished) ends it.
pub struct Watch {
    done: Arc<AtomicBool>,
    thread: Option<std::thread::Thread>,
}

impl Watch {
    /// Starts watching; `what` names the document in the message.
    pub fn start(limit: Duration, what: String) -> Self {
        let done = Arc::new(AtomicBool::new(false));
        let flag = done.clone();
        let handle = std::thread::Builder::new()
            .name("gongwen-watch".into())
            .spawn(move || {
                let deadline = Instant::now() + limit;
                while !flag.load(Ordering::Acquire) {
                    let now = Instant::now();
                    if now >= deadline {
                        stop(&format!(
                            "{what}排版超过 {} 秒仍未完成，已停止（模板可能有死循环；--time-limit 可放宽）",
                            limit.as_secs()
                        ));
                    }
                    std::thread::park_timeout(deadline - now);
                }
            })
            .ok();
        Self {
            done,
            thread: handle.map(|h| h.thread().clone()),
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Release);
        if let Some(t) = &self.thread {
            t.unpark();
        }
    }
}

/// Bytes allocated now, as far as the threads have reported them (each thread reports its own
/// allocations in batches of [`BATCH`]: one shared counter touched on every allocation made
/// two threads wait for each other's cache line).
static USED: AtomicIsize = AtomicIsize::new(0);
/// The memory limit in bytes (none until [`limit_memory`] sets one).
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);
/// How far one thread's unreported allocations may go before it reports them. The limit is
/// exact to this much per thread (a thread that ends keeps at most this much unreported).
const BATCH: isize = 256 << 10;

thread_local! {
    /// This thread's allocations (negative: frees) not yet added to [`USED`]. No destructor:
    /// the allocator must not allocate to keep its own books.
    static PENDING: Cell<isize> = const { Cell::new(0) };
}

/// Sets the process's memory limit (with [`Capped`] as the global allocator).
pub fn limit_memory(mib: usize) {
    LIMIT.store(mib.saturating_mul(1 << 20), Ordering::Relaxed);
}

/// The system allocator with the memory limit: an allocation that would pass it stops the run
/// with a message instead of letting the machine swap or the process abort without one.
pub struct Capped;

impl Capped {
    /// Books `delta` bytes (negative: freed): on this thread, and in the shared count once a
    /// batch is full, checked against the limit when it grew.
    fn book(&self, delta: isize) {
        let due = PENDING
            .try_with(|p| {
                let v = p.get() + delta;
                if v.abs() < BATCH {
                    p.set(v);
                    None
                } else {
                    p.set(0);
                    Some(v)
                }
            })
            .unwrap_or(Some(delta));
        let Some(due) = due else { return };
        let used = USED.fetch_add(due, Ordering::Relaxed) + due;
        let limit = LIMIT.load(Ordering::Relaxed);
        if due > 0 && used > 0 && used as usize > limit {
            // Lift the limit: the message and the clean-up allocate too.
            LIMIT.store(usize::MAX, Ordering::Relaxed);
            stop(&format!(
                "内存用量超过上限 {} MB，已停止（模板或规格文件可能无限增长；--memory-limit 可放宽）",
                limit >> 20
            ));
        }
    }
}

/// Hands the pages this thread freed back to the allocator's shared pool (after a job on a
/// thread that may then sit idle: a web app's worker).
pub fn release_thread_memory() {
    // SAFETY: mi_collect only frees what no allocation uses, on the calling thread.
    unsafe { libmimalloc_sys::mi_collect(false) }
}

/// Gives the memory no allocation uses back to the system (the web app, idle after a burst:
/// the allocator keeps freed pages for reuse until it purges them, which it does only while
/// it is being used).
pub fn release_memory() {
    // SAFETY: as above; a forced collect also purges the shared pool.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

/// mimalloc's option `mi_option_purge_delay` (its index in `mi_option_t`, mimalloc.h; the
/// sys crate does not name it). A test checks the index against the option's default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed pages go back to the system at once instead of after mimalloc's delay (1 s, and
/// only while it is being used): for a long-running process such as the web app, at a small
/// cost in speed.
pub fn release_memory_promptly() {
    // SAFETY: setting an option of the allocator is allowed at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

/// A size as a signed count (no allocation is larger than `isize::MAX`).
fn signed(n: usize) -> isize {
    n as isize
}

// SAFETY: every call is passed on to the system allocator unchanged; only a counter is kept.
unsafe impl GlobalAlloc for Capped {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.book(signed(layout.size()));
        // SAFETY: the caller's layout, as GlobalAlloc::alloc requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        self.book(signed(layout.size()));
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.book(-signed(layout.size()));
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.book(signed(new_size) - signed(layout.size()));
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_option_is_the_one_its_index_names() {
        // mimalloc 3's default purge delay is 1000 ms; the options beside it default to 0 or 1.
        // SAFETY: reading an option is allowed at any time.
        let v = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(v, 1000);
    }
}
