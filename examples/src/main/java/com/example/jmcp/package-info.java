/** The jmcp examples: one runnable jar ({@code java -jar jmcp-examples.jar --help}) with servers, clients and a demo. */
package com.example.jmcp;
