/** {@code demo}: an example server and a client talking over HTTP in one process. */
package com.example.jmcp.demo;
