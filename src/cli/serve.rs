//! `lintas serve`: the linter built once from the same configuration and rule options as
//! `check`, then handed to the server.

use anyhow::Context;

use super::EXIT_CLEAN;
use super::args::ServeArgs;
use crate::engine::Linter;
use crate::serve::{Options, Server};

pub fn run(args: ServeArgs) -> anyhow::Result<u8> {
    let (config, _root, selection) = super::check::setup(&args.rules)?;
    let lang = args.rules.lang.or(config.lang).unwrap_or_default();
    let linter = Linter::new(&config, &selection)?;
    let options = Options {
        bind: args.bind,
        allow_origins: args.allow_origin,
        lang,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("lintas-serve")
        .build()
        .context("cannot start the server's threads")?;
    runtime.block_on(async {
        let server = Server::bind(linter, options).await?;
        server.announce(&mut std::io::stderr())?;
        server.run().await
    })?;
    Ok(EXIT_CLEAN)
}
