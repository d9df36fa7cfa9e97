//! Fetching over HTTP(S): a web page given as input, and the images of a book.
//!
//! A blocking client (ureq with rustls), with bounded redirects, a connect and a total
//! timeout, a size limit on each body, gzip and brotli, and `folio/<version>` as User-Agent.
//! Nothing here runs unless a caller asks: the library never touches the network by itself.

use std::time::Duration;

/// Limits of the requests folio makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Time for a whole request, redirects and body included; connecting gets at most 10 s of it.
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// Largest page body (after decompression).
    pub max_page_bytes: u64,
    /// Largest image.
    pub max_image_bytes: u64,
    /// Most bytes of images downloaded for one output; later images are left out.
    pub max_total_image_bytes: u64,
    /// Time for all the images of one output; images not started by then are left out.
    pub total_image_time: Duration,
    /// Images downloaded at the same time.
    pub parallel: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            max_redirects: 10,
            max_page_bytes: 20 << 20,
            max_image_bytes: 15 << 20,
            max_total_image_bytes: 150 << 20,
            total_image_time: Duration::from_secs(120),
            parallel: 4,
        }
    }
}

/// Why a request failed. Messages are one line, without the URL (callers put it in front).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The host name did not resolve.
    #[error("host not found")]
    HostNotFound,
    /// The server refused the connection.
    #[error("connection refused")]
    Refused,
    /// Connecting failed for another reason (TLS, a reset, too many redirects...).
    #[error("{0}")]
    Network(String),
    /// No complete answer within the time limit (seconds).
    #[error("timed out after {0} s")]
    Timeout(u64),
    /// The server answered with an error status.
    #[error("HTTP {status}{}", reason.as_deref().map(|r| format!(" {r}")).unwrap_or_default())]
    Status {
        /// The status code (404).
        status: u16,
        /// The reason phrase, when the server gave one.
        reason: Option<String>,
    },
    /// The body was larger than the limit (bytes).
    #[error("larger than the limit of {}", size(*.0))]
    TooLarge(u64),
    /// The response is not something folio reads (a PDF, a video...).
    #[error("not a web page or text (Content-Type {0}); give -f to read it anyway")]
    NotAPage(String),
    /// Not an `http:` or `https:` URL.
    #[error("invalid URL: {0}")]
    BadUrl(String),
}

/// A size for messages: `20 MB`, `3 KB`.
pub(crate) fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// A body fetched from the web.
#[derive(Debug, Clone)]
pub struct Response {
    /// The URL after redirects.
    pub url: String,
    /// The media type of `Content-Type`, lowercase, without parameters.
    pub media_type: Option<String>,
    /// The `charset` parameter of `Content-Type`.
    pub charset: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
}

impl Response {
    /// The reader for the body by its media type: `auto` (detect from the content) when the
    /// server does not say or says only "bytes"; an error for a type folio does not read.
    pub fn format(&self) -> Result<&'static str, FetchError> {
        let Some(media) = self.media_type.as_deref() else {
            return Ok("auto");
        };
        match media {
            "text/html" | "application/xhtml+xml" => Ok("html"),
            "multipart/related" | "application/x-mimearchive" | "message/rfc822" => Ok("mhtml"),
            "text/markdown" | "text/x-markdown" => Ok("markdown"),
            "text/plain" => Ok("text"),
            "application/json" => Ok("json"),
            "application/octet-stream" | "" => Ok("auto"),
            other => Err(FetchError::NotAPage(other.to_string())),
        }
    }
}

/// Whether an input names a web address rather than a file.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A client with the given limits; it keeps connections open across requests.
#[derive(Debug, Clone)]
pub struct Client {
    agent: ureq::Agent,
    options: FetchOptions,
}

const PAGE_ACCEPT: &str =
    "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.5";
const IMAGE_ACCEPT: &str = "image/jpeg,image/png,image/gif,image/webp,image/svg+xml,image/*;q=0.8";

impl Client {
    /// A client with these limits; TLS is set up on the first request.
    pub fn new(options: &FetchOptions) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(options.max_redirects)
            .timeout_global(Some(options.timeout))
            .timeout_connect(Some(connect_timeout(options)))
            .user_agent(concat!("folio/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Client {
            agent,
            options: options.clone(),
        }
    }

    /// Fetches a page (HTML, Markdown, text) within the page size limit.
    pub fn page(&self, url: &str) -> Result<Response, FetchError> {
        self.get(url, PAGE_ACCEPT, self.options.max_page_bytes)
    }

    /// Fetches an image within the image size limit.
    pub fn image(&self, url: &str) -> Result<Response, FetchError> {
        self.get(url, IMAGE_ACCEPT, self.options.max_image_bytes)
    }

    fn get(&self, url: &str, accept: &str, limit: u64) -> Result<Response, FetchError> {
        if !is_url(url) {
            return Err(FetchError::BadUrl(url.to_string()));
        }
        let uri: ureq::http::Uri = url
            .trim()
            .parse()
            .map_err(|_| FetchError::BadUrl(url.to_string()))?;
        let mut response = self
            .agent
            .get(uri)
            .header("Accept", accept)
            .call()
            .map_err(|e| self.classify(e))?;
        let status = response.status();
        if status.is_client_error() || status.is_server_error() {
            return Err(FetchError::Status {
                status: status.as_u16(),
                reason: status.canonical_reason().map(str::to_string),
            });
        }
        if status.is_redirection() {
            return Err(FetchError::Network(format!(
                "more than {} redirects",
                self.options.max_redirects
            )));
        }
        use ureq::ResponseExt;
        let final_url = response.get_uri().to_string();
        let body = response.body_mut();
        let media_type = body.mime_type().map(|m| m.trim().to_ascii_lowercase());
        let charset = body
            .charset()
            .map(|c| c.trim().trim_matches('"').to_string());
        let declared = body.content_length();
        if declared.is_some_and(|n| n > limit) {
            return Err(FetchError::TooLarge(limit));
        }
        let bytes = body
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| self.classify(e))?;
        Ok(Response {
            url: final_url,
            media_type,
            charset,
            bytes,
        })
    }

    fn classify(&self, e: ureq::Error) -> FetchError {
        let timeout = FetchError::Timeout(self.options.timeout.as_secs().max(1));
        match e {
            ureq::Error::HostNotFound => FetchError::HostNotFound,
            ureq::Error::Timeout(ureq::Timeout::Connect) => {
                FetchError::Timeout(connect_timeout(&self.options).as_secs().max(1))
            }
            ureq::Error::Timeout(_) => timeout,
            ureq::Error::BodyExceedsLimit(n) => FetchError::TooLarge(n),
            ureq::Error::TooManyRedirects => FetchError::Network(format!(
                "more than {} redirects",
                self.options.max_redirects
            )),
            ureq::Error::BadUri(u) => FetchError::BadUrl(u),
            ureq::Error::Io(io) => match io.kind() {
                std::io::ErrorKind::ConnectionRefused => FetchError::Refused,
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => timeout,
                _ => match ureq::Error::from(io) {
                    // An error of ureq's own carried through the body reader.
                    ureq::Error::Io(io) => FetchError::Network(io_reason(&io)),
                    other => self.classify(other),
                },
            },
            ureq::Error::ConnectionFailed => FetchError::Network("connection failed".into()),
            other => FetchError::Network(other.to_string()),
        }
    }
}

/// Connecting gets at most 10 s: a server that takes longer to accept is not coming.
fn connect_timeout(options: &FetchOptions) -> Duration {
    options.timeout.min(Duration::from_secs(10))
}

/// The reason of an I/O error without Rust's "(os error N)" suffix.
fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_formats() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("example.html"));
        assert!(!is_url("ftp://x/y"));
        let r = |t: Option<&str>| Response {
            url: String::new(),
            media_type: t.map(str::to_string),
            charset: None,
            bytes: Vec::new(),
        };
        assert_eq!(r(Some("text/html")).format(), Ok("html"));
        assert_eq!(r(Some("text/markdown")).format(), Ok("markdown"));
        assert_eq!(r(Some("text/plain")).format(), Ok("text"));
        assert_eq!(r(None).format(), Ok("auto"));
        assert_eq!(
            r(Some("application/pdf")).format(),
            Err(FetchError::NotAPage("application/pdf".into()))
        );
    }

    #[test]
    fn errors_are_classified() {
        let client = Client::new(&FetchOptions {
            timeout: Duration::from_secs(60),
            ..FetchOptions::default()
        });
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        for (e, want) in [
            (ureq::Error::HostNotFound, FetchError::HostNotFound),
            (ureq::Error::Io(refused), FetchError::Refused),
            (
                ureq::Error::Timeout(ureq::Timeout::Connect),
                FetchError::Timeout(10),
            ),
            (
                ureq::Error::Timeout(ureq::Timeout::Global),
                FetchError::Timeout(60),
            ),
            (
                ureq::Error::BodyExceedsLimit(5 << 20),
                FetchError::TooLarge(5 << 20),
            ),
        ] {
            assert_eq!(client.classify(e), want);
        }
        assert_eq!(
            client.classify(ureq::Error::TooManyRedirects).to_string(),
            "more than 10 redirects"
        );
        assert!(matches!(
            client.page("ftp://x/y"),
            Err(FetchError::BadUrl(_))
        ));
    }

    #[test]
    fn messages() {
        let e = FetchError::Status {
            status: 404,
            reason: Some("Not Found".into()),
        };
        assert_eq!(e.to_string(), "HTTP 404 Not Found");
        assert_eq!(
            FetchError::TooLarge(20 << 20).to_string(),
            "larger than the limit of 20 MB"
        );
        assert_eq!(FetchError::Timeout(3).to_string(), "timed out after 3 s");
    }
}
