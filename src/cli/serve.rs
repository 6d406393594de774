//! `lintas serve`: the linter built once from the same configuration and rule options as
//! `check`, then handed to the server.

use super::EXIT_CLEAN;
use super::args::ServeArgs;
use crate::diagnostic::Lang;
use crate::engine::Linter;
use crate::messages::{Cause, Message};
use crate::serve::{Options, Server};

/// Serve; `lang`, as for `check`, is settled once the configuration is read.
pub fn run(args: ServeArgs, flag: Option<Lang>, lang: &mut Lang) -> anyhow::Result<u8> {
    let (config, _root, selection) = super::check::setup(&args.rules, flag)?;
    *lang = flag.or(config.lang).unwrap_or_default();
    let lang = *lang;
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
        .map_err(|e| Message::ServeThreads {
            cause: Cause::of(&e),
        })?;
    runtime.block_on(async {
        let server = Server::bind(linter, options).await?;
        server.announce(&mut std::io::stderr())?;
        server.run().await
    })?;
    Ok(EXIT_CLEAN)
}
