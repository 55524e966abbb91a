namespace RtChat.Web.Cli;

/// <summary>What the demo people say: lines drawn in turn (seeded, so every demo reads the same) over the past days.</summary>
internal static class DemoConversation
{
    public static readonly string[] PublicLines =
    [
        "Morning everyone!", "Anyone tried the new coffee place on Main Street?", "Yes! The flat white is excellent.",
        "Is it me or is the week flying by?", "Reminder: the meetup is on Thursday at 7.", "Who's bringing snacks?",
        "I can bring some cookies 🍪", "Just finished a 10k run, feeling great.", "Nice one! What was your time?",
        "52 minutes, a new personal best.", "Does anyone know a good book about gardening?", "Try 'The Well-Tempered Garden'.",
        "It's raining again here.", "Sunny here, sorry 😎", "Has anyone seen the new Dune film?", "Loved it, the sound design!",
        "I fell asleep halfway, don't tell anyone.", "Quick poll: tabs or spaces?", "Spaces, obviously.", "Tabs, fight me.",
        "Happy Friday!", "Any weekend plans?", "Hiking if the weather holds.", "Binge-watching and pizza.",
        "Check out https://example.com for the schedule.", "Thanks, that's useful.", "Good night all 👋", "See you tomorrow!",
        "My cat just walked over the keyboard, sorry for the typo-fest earlier.", "What's everyone listening to?",
        "Some old jazz records today.", "Podcasts about space, always.", "Lunch break! Back in 30.", "Welcome to the newcomers!",
    ];

    public static readonly string[] GroupLines =
    [
        "Saturday: the ridge trail or the lake loop?", "Lake loop, the ridge is muddy after the rain.", "Agreed, lake loop.",
        "Meet at the car park at 8?", "8:30, I'm not a morning person 😅", "Fine, 8:30 it is.", "Who's driving?",
        "I can take three people.", "Don't forget water and sunscreen.", "Should we stop for lunch at the cabin?",
        "The cabin does great soup.", "Photos from last time are in the shared album.", "Great shots!",
    ];

    public static readonly string[] PrivateLines =
    [
        "Hey, got a minute?", "Sure, what's up?", "Can you review my slides before Thursday?", "Of course, send them over.",
        "Done, they're in your inbox.", "Looks good! Maybe shorten the intro.", "Good idea, thanks!", "Coffee later?",
        "Yes, 4pm?", "Perfect, see you then.",
    ];
}
