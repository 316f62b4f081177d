// Browsers come from the system (Debian packages); never download one.
module.exports = { skipDownload: true };
