//! The commit `gongwen --version` names: `GONGWEN_COMMIT` when the build sets it (a source
//! tarball), else git's HEAD, else "unknown".

fn main() {
    println!("cargo:rerun-if-env-changed=GONGWEN_COMMIT");
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
    let commit = std::env::var("GONGWEN_COMMIT").ok().or_else(|| {
        let out = std::process::Command::new("git")
            .args(["rev-parse", "--short=12", "HEAD"])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    });
    println!(
        "cargo:rustc-env=GONGWEN_COMMIT={}",
        commit.unwrap_or_else(|| "unknown".to_owned())
    );
}
