//! The layout queue: one slot per core for the work that lays documents out, given out in turn
//! to the page tabs that ask (each tab's own requests in order), so that a burst from one
//! client does not make the person typing in another tab wait behind all of it. When the queue
//! has been idle for a moment after work, the memory that work freed is given back to the
//! system.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

/// The header the page sends with a random id of its tab; requests without it share one turn.
pub const TAB_HEADER: &str = "x-gongwen-tab";

/// Slots for layouts, handed out round-robin between clients, first come first served within
/// one client.
pub struct LayoutQueue {
    slots: usize,
    state: Mutex<Waiting>,
    /// Layouts finished since memory was last given back.
    finished: AtomicUsize,
}

/// Free slots and who waits for one.
#[derive(Default)]
struct Waiting {
    free: usize,
    /// Each client's waiters, in arrival order.
    by_client: HashMap<String, VecDeque<oneshot::Sender<Slot>>>,
    /// Clients with waiters, in the order their turn comes.
    turns: VecDeque<String>,
}

/// A slot held; dropping it passes it to the next waiter in turn.
pub struct Slot {
    queue: Arc<LayoutQueue>,
}

impl LayoutQueue {
    /// A queue of `slots` slots.
    pub fn new(slots: usize) -> Arc<Self> {
        Arc::new(Self {
            slots,
            state: Mutex::new(Waiting {
                free: slots,
                ..Waiting::default()
            }),
            finished: AtomicUsize::new(0),
        })
    }

    /// Waits for a slot for `client` (its tab id; empty when unknown).
    pub async fn acquire(self: &Arc<Self>, client: &str) -> Slot {
        loop {
            let receiver = {
                let mut w = self.lock();
                if w.free > 0 && w.turns.is_empty() {
                    w.free -= 1;
                    return Slot {
                        queue: self.clone(),
                    };
                }
                let (sender, receiver) = oneshot::channel();
                let waiters = w.by_client.entry(client.to_owned()).or_default();
                waiters.push_back(sender);
                if waiters.len() == 1 {
                    w.turns.push_back(client.to_owned());
                }
                receiver
            };
            // A sender leaves the queue only to pass a slot on, so this waits for one.
            if let Ok(slot) = receiver.await {
                return slot;
            }
        }
    }

    /// Whether no layout runs or waits.
    pub fn idle(&self) -> bool {
        let w = self.lock();
        w.free == self.slots && w.turns.is_empty()
    }

    /// Layouts finished since the last call (the count starts again).
    pub fn take_finished(&self) -> usize {
        self.finished.swap(0, Ordering::Relaxed)
    }

    fn release(self: &Arc<Self>) {
        self.finished.fetch_add(1, Ordering::Relaxed);
        let mut slot = Slot {
            queue: self.clone(),
        };
        loop {
            let mut w = self.lock();
            let Some(sender) = next_waiter(&mut w) else {
                w.free += 1;
                std::mem::forget(slot);
                return;
            };
            drop(w);
            match sender.send(slot) {
                Ok(()) => return,
                // The waiter went away (its client hung up): the next one gets the slot.
                Err(back) => slot = back,
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Waiting> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The first waiter of the client whose turn it is; that client goes to the back of the turns.
fn next_waiter(w: &mut Waiting) -> Option<oneshot::Sender<Slot>> {
    while let Some(client) = w.turns.pop_front() {
        let Some(waiters) = w.by_client.get_mut(&client) else {
            continue;
        };
        let sender = waiters.pop_front();
        if waiters.is_empty() {
            w.by_client.remove(&client);
        } else {
            w.turns.push_back(client);
        }
        if sender.is_some() {
            return sender;
        }
    }
    None
}

impl Drop for Slot {
    fn drop(&mut self) {
        let queue = self.queue.clone();
        // Forgotten slots (given back as free) never reach here; see `release`.
        queue.release();
    }
}

/// Once the queue has been idle for `every` after work, runs `tidy` with the number of layouts
/// finished since the last time (to drop what only a burst needed) and gives the memory freed
/// back to the system (an allocator keeps it for reuse otherwise: a burst of previews left the
/// server at two and a half times its idle size).
pub async fn give_back_memory(
    queue: Arc<LayoutQueue>,
    every: std::time::Duration,
    tidy: impl Fn(usize) + Clone + Send + 'static,
) {
    loop {
        tokio::time::sleep(every).await;
        let finished = if queue.idle() {
            queue.take_finished()
        } else {
            0
        };
        if finished > 0 {
            let tidy = tidy.clone();
            let _ = tokio::task::spawn_blocking(move || {
                tidy(finished);
                crate::budget::release_memory();
            })
            .await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_burst_of_one_client_does_not_hold_back_another_clients_request() {
        let queue = LayoutQueue::new(1);
        let running = queue.acquire("burst").await;
        let order = Arc::new(Mutex::new(Vec::new()));
        let mut tasks = Vec::new();
        for (i, client) in ["burst", "burst", "burst", "typing", "burst"]
            .into_iter()
            .enumerate()
        {
            let (queue, order) = (queue.clone(), order.clone());
            tasks.push(tokio::spawn(async move {
                let _slot = queue.acquire(client).await;
                order.lock().unwrap().push(format!("{client}{i}"));
            }));
            tokio::task::yield_now().await;
        }
        drop(running);
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(
            *order.lock().unwrap(),
            ["burst0", "typing3", "burst1", "burst2", "burst4"],
            "turns alternate between clients; each client's own requests keep their order"
        );
        assert!(queue.idle());
        assert_eq!(queue.take_finished(), 6);
    }

    #[tokio::test]
    async fn a_slot_given_to_a_waiter_that_went_away_goes_to_the_next() {
        let queue = LayoutQueue::new(1);
        let running = queue.acquire("a").await;
        let gone = tokio::spawn({
            let queue = queue.clone();
            async move {
                let _slot = queue.acquire("b").await;
            }
        });
        tokio::task::yield_now().await;
        gone.abort();
        let _ = gone.await;
        let next = tokio::spawn({
            let queue = queue.clone();
            async move {
                let _slot = queue.acquire("c").await;
            }
        });
        tokio::task::yield_now().await;
        drop(running);
        next.await.unwrap();
        assert!(queue.idle(), "every slot came back");
    }
}
