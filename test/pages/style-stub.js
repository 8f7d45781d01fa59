// Stylesheets do nothing in jsdom.
module.exports = {}
