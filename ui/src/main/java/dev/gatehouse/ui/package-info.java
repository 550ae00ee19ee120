/** JavaFX console: views and view models (issue 5). */
package dev.gatehouse.ui;
