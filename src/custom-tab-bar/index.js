/* global Component */
// WeChat needs a custom-tab-bar component when app.config's tabBar is `custom`. The tab bar itself
// is components/TabBar, drawn by each tab page (the same code on weapp and H5), so this is empty.
Component({})
