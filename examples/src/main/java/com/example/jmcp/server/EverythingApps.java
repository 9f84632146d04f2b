package com.example.jmcp.server;

import dev.jmcp.core.protocol.apps.UiVisibility;
import dev.jmcp.server.AppView;
import dev.jmcp.server.McpServer;
import dev.jmcp.server.McpTool;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The everything server's MCP Apps part (#21): a dice view ({@code ui://everything/dice}, a self-contained HTML
 * page) shown by the {@code roll_dice} tool, and {@code reroll_dice}, a tool only the view may call. A client without
 * MCP Apps sees {@code roll_dice} as an ordinary tool (its text answer stands on its own) and never sees {@code
 * reroll_dice}.
 */
public final class EverythingApps {
    /** The view's URI. */
    public static final String DICE_VIEW = "ui://everything/dice";

    /** A roll: the face value, 1 to 6. */
    public record Roll(int value) {}

    /** Registers the view and the two tools. */
    public static void register(McpServer.Builder b) {
        b.appView(AppView.builder(DICE_VIEW)
                .name("Dice")
                .description("A die that shows the last roll and rolls again")
                .classPath(EverythingApps.class.getClassLoader(), "views/dice.html")
                .prefersBorder(true)
                .build());
        b.handlers(new EverythingApps());
    }

    /** Rolls a six-sided die; hosts with MCP Apps show it in the dice view. */
    @McpTool(name = "roll_dice", description = "Rolls a six-sided die", ui = DICE_VIEW)
    public Roll rollDice() {
        return roll();
    }

    /** Rolls again; only the dice view calls it. */
    @McpTool(
            name = "reroll_dice",
            description = "Rolls the die again (called by the dice view)",
            ui = DICE_VIEW,
            uiVisibility = UiVisibility.APP)
    public Roll rerollDice() {
        return roll();
    }

    private static Roll roll() {
        return new Roll(ThreadLocalRandom.current().nextInt(1, 7));
    }
}
