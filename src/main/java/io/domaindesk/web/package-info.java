/**
 * The page layout, navigation, languages and error pages shared by every module.
 */
package io.domaindesk.web;
