//! Limits on a run, so that no input makes `gongwen` hang or eat the machine: a time limit per
//! document's layout (an office's own templates are code and may loop) and a memory limit for
//! the process (a template or a spec that grows without end). Either one stops the run with a
//! Chinese message, exit status 1, and the staged output files removed.

use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout, System};
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

/// New allocations come from the system's allocator instead of mimalloc (set once, early, by
/// a long-running process: the web app). mimalloc makes a render a quarter faster, but keeps
/// what a burst of previews freed for reuse; glibc's `malloc_trim` gives it back. A block is
/// freed by the allocator that owns it, so the blocks made before the switch stay valid.
static SYSTEM: AtomicBool = AtomicBool::new(false);

/// Makes the process allocate from the system's allocator from now on ([`SYSTEM`]), from one
/// arena: with one per thread (glibc's default) a burst of previews left each layout thread's
/// arena fragmented, +27–32 % of idle memory after bursts against +14–17 % with one
/// (`scripts/bench-serve.py`, 200 previews).
pub fn use_system_allocator() {
    one_arena();
    SYSTEM.store(true, Ordering::Relaxed);
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn one_arena() {
    // SAFETY: mallopt only sets a tuning parameter of glibc's allocator.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn one_arena() {}

/// mimalloc's `mi_option_purge_delay` (mimalloc.h of v2 and v3: the 16th option; the crate does not
/// export it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// A run that ends when its work is done (not the web app) keeps the pages it freed for its
/// next document instead of giving them back and having the kernel zero them again: a third
/// of a cascade's page faults and 9 % of its CPU time (`perf stat`, 100 offices). Its peak,
/// and so `--memory-limit`, is unchanged.
pub fn keep_freed_pages() {
    // SAFETY: sets a tuning option of mimalloc; -1 is documented as "no purging at all".
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// Gives the memory no allocation uses back to the system (the web app, idle after a burst).
pub fn release_memory() {
    // SAFETY: mi_collect only frees what no allocation uses; a forced collect also purges the
    // shared pool.
    unsafe { libmimalloc_sys::mi_collect(true) }
    trim_system();
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn trim_system() {
    // SAFETY: malloc_trim only returns free memory of glibc's arenas to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim_system() {}

/// Whether `ptr` is mimalloc's: always before the switch to the system's allocator (nothing
/// else allocated), else asked of mimalloc.
fn from_mimalloc(ptr: *mut u8) -> bool {
    // SAFETY: mi_is_in_heap_region only compares the address with mimalloc's own regions.
    !SYSTEM.load(Ordering::Relaxed)
        || unsafe { libmimalloc_sys::mi_is_in_heap_region(ptr.cast_const().cast()) }
}

/// A size as a signed count (no allocation is larger than `isize::MAX`).
fn signed(n: usize) -> isize {
    n as isize
}

// SAFETY: every call is passed on unchanged to the allocator that makes new blocks (mimalloc,
// or the system's once switched), or for a block already made, to the one that owns it; only a
// counter is kept.
unsafe impl GlobalAlloc for Capped {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.book(signed(layout.size()));
        // SAFETY: the caller's layout, as GlobalAlloc::alloc requires.
        unsafe {
            if SYSTEM.load(Ordering::Relaxed) {
                System.alloc(layout)
            } else {
                MiMalloc.alloc(layout)
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        self.book(signed(layout.size()));
        // SAFETY: as above.
        unsafe {
            if SYSTEM.load(Ordering::Relaxed) {
                System.alloc_zeroed(layout)
            } else {
                MiMalloc.alloc_zeroed(layout)
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.book(-signed(layout.size()));
        // SAFETY: `ptr` was allocated with this layout by the allocator found to own it.
        unsafe {
            if from_mimalloc(ptr) {
                MiMalloc.dealloc(ptr, layout)
            } else {
                System.dealloc(ptr, layout)
            }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.book(signed(new_size) - signed(layout.size()));
        // SAFETY: `ptr` was allocated with `layout` by the allocator found to own it; a block
        // of mimalloc's grown after the switch is copied into a new block of the system's.
        unsafe {
            if !from_mimalloc(ptr) {
                System.realloc(ptr, layout, new_size)
            } else if !SYSTEM.load(Ordering::Relaxed) {
                MiMalloc.realloc(ptr, layout, new_size)
            } else {
                let new = System.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
                if !new.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    MiMalloc.dealloc(ptr, layout);
                }
                new
            }
        }
    }
}
